//! TODO(rule author): a Windows container runs as an administrator.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct WindowsContainerAdminUser {
        code: "ECS-SEC-008",
        name: "windows-container-admin-user",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a Windows container runs as an administrator",
    }
}

impl Rule for WindowsContainerAdminUser {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
