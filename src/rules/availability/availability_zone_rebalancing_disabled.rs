//! TODO(rule author): Availability Zone rebalancing turned off.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct AvailabilityZoneRebalancingDisabled {
        code: "ECS-HA-012",
        name: "availability-zone-rebalancing-disabled",
        category: Availability,
        severity: Info,
        since: "0.1.0",
        summary: "Availability Zone rebalancing turned off",
    }
}

impl Rule for AvailabilityZoneRebalancingDisabled {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
