//! TODO(rule author): a rolling deployment without a circuit breaker that rolls back.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct NoDeploymentCircuitBreaker {
        code: "ECS-HA-011",
        name: "no-deployment-circuit-breaker",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "a rolling deployment without a circuit breaker that rolls back",
    }
}

impl Rule for NoDeploymentCircuitBreaker {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
