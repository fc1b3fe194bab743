//! TODO(rule author): a container adds a Linux capability that weakens isolation.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct DangerousCapabilityAdded {
        code: "ECS-SEC-016",
        name: "dangerous-capability-added",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a container adds a Linux capability that weakens isolation",
    }
}

impl Rule for DangerousCapabilityAdded {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
