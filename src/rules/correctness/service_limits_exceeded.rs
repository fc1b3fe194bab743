//! TODO(rule author): more subnets, security groups, placement rules or capacity providers than AWS allows.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct ServiceLimitsExceeded {
        code: "ECS-COR-060",
        name: "service-limits-exceeded",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "more subnets, security groups, placement rules or capacity providers than AWS allows",
    }
}

impl Rule for ServiceLimitsExceeded {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
