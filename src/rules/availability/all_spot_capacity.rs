//! TODO(rule author): a production-looking service that runs only on Fargate Spot.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct AllSpotCapacity {
        code: "ECS-HA-013",
        name: "all-spot-capacity",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "a production-looking service that runs only on Fargate Spot",
    }
}

impl Rule for AllSpotCapacity {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
