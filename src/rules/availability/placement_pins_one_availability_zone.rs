//! TODO(rule author): placement constraints that keep every task in one Availability Zone.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct PlacementPinsOneAvailabilityZone {
        code: "ECS-HA-010",
        name: "placement-pins-one-availability-zone",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "placement constraints that keep every task in one Availability Zone",
    }
}

impl Rule for PlacementPinsOneAvailabilityZone {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
