//! TODO(rule author): all tasks can land in one Availability Zone: the service has one subnet.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct SingleSubnet {
        code: "ECS-HA-008",
        name: "single-subnet",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "all tasks can land in one Availability Zone: the service has one subnet",
    }
}

impl Rule for SingleSubnet {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
