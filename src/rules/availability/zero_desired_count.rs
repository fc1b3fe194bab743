//! TODO(rule author): a replica service with no tasks.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct ZeroDesiredCount {
        code: "ECS-HA-007",
        name: "zero-desired-count",
        category: Availability,
        severity: Info,
        since: "0.1.0",
        summary: "a replica service with no tasks",
    }
}

impl Rule for ZeroDesiredCount {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
