//! TODO(rule author): a replica service with fewer tasks than the configured minimum.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct LowDesiredCount {
        code: "ECS-HA-006",
        name: "low-desired-count",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "a replica service with fewer tasks than the configured minimum",
    }
}

impl Rule for LowDesiredCount {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
