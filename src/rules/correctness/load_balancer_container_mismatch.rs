//! TODO(rule author): a load balancer names a container or port the task definition does not have.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct LoadBalancerContainerMismatch {
        code: "ECS-COR-049",
        name: "load-balancer-container-mismatch",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a load balancer names a container or port the task definition does not have",
    }
}

impl Rule for LoadBalancerContainerMismatch {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
