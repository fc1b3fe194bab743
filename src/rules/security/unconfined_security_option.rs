//! TODO(rule author): dockerSecurityOptions disable AppArmor, seccomp or SELinux confinement.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct UnconfinedSecurityOption {
        code: "ECS-SEC-018",
        name: "unconfined-security-option",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "dockerSecurityOptions disable AppArmor, seccomp or SELinux confinement",
    }
}

impl Rule for UnconfinedSecurityOption {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
