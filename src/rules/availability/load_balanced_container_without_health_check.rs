//! TODO(rule author): an essential container behind a load balancer without a container health check.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct LoadBalancedContainerWithoutHealthCheck {
        code: "ECS-HA-014",
        name: "load-balanced-container-without-health-check",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "an essential container behind a load balancer without a container health check",
    }
}

impl Rule for LoadBalancedContainerWithoutHealthCheck {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
