//! TODO(rule author): a Classic Load Balancer with a container that has no static host port.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct ClassicLoadBalancerDynamicPort {
        code: "ECS-COR-050",
        name: "classic-load-balancer-dynamic-port",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a Classic Load Balancer with a container that has no static host port",
    }
}

impl Rule for ClassicLoadBalancerDynamicPort {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
