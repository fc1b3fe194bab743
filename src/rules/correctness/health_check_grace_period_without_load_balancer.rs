//! TODO(rule author): healthCheckGracePeriodSeconds on a service with nothing it applies to.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct HealthCheckGracePeriodWithoutLoadBalancer {
        code: "ECS-COR-057",
        name: "health-check-grace-period-without-load-balancer",
        category: Correctness,
        severity: Warning,
        since: "0.1.0",
        summary: "healthCheckGracePeriodSeconds on a service with nothing it applies to",
    }
}

impl Rule for HealthCheckGracePeriodWithoutLoadBalancer {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
