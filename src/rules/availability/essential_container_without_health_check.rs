//! TODO(rule author): an essential container without a health check.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct EssentialContainerWithoutHealthCheck {
        code: "ECS-HA-001",
        name: "essential-container-without-health-check",
        category: Availability,
        severity: Info,
        since: "0.1.0",
        summary: "an essential container without a health check",
    }
}

impl Rule for EssentialContainerWithoutHealthCheck {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
