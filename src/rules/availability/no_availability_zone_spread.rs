//! TODO(rule author): an EC2 service that does not spread tasks across Availability Zones first.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct NoAvailabilityZoneSpread {
        code: "ECS-HA-009",
        name: "no-availability-zone-spread",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "an EC2 service that does not spread tasks across Availability Zones first",
    }
}

impl Rule for NoAvailabilityZoneSpread {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
