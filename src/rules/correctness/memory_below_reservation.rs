//! TODO(rule author): a container's memory limit is below its memoryReservation.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct MemoryBelowReservation {
        code: "ECS-COR-007",
        name: "memory-below-reservation",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a container's memory limit is below its memoryReservation",
    }
}

impl Rule for MemoryBelowReservation {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
