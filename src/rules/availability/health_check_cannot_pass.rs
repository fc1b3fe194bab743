//! TODO(rule author): a health check that cannot pass in the time it is given.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct HealthCheckCannotPass {
        code: "ECS-HA-004",
        name: "health-check-cannot-pass",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "a health check that cannot pass in the time it is given",
    }
}

impl Rule for HealthCheckCannotPass {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
