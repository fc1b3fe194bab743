//! TODO(rule author): a container does not drop all Linux capabilities.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct CapabilitiesNotDropped {
        code: "ECS-SEC-017",
        name: "capabilities-not-dropped",
        category: Security,
        severity: Info,
        since: "0.1.0",
        summary: "a container does not drop all Linux capabilities",
    }
}

impl Rule for CapabilitiesNotDropped {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
