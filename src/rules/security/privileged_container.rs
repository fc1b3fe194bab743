//! TODO(rule author): a container runs in privileged mode.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct PrivilegedContainer {
        code: "ECS-SEC-001",
        name: "privileged-container",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a container runs in privileged mode",
    }
}

impl Rule for PrivilegedContainer {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
