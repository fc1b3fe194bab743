//! TODO(rule author): an EC2 container without memory or memoryReservation in a task without task memory.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct ContainerMemoryMissing {
        code: "ECS-COR-010",
        name: "container-memory-missing",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "an EC2 container without memory or memoryReservation in a task without task memory",
    }
}

impl Rule for ContainerMemoryMissing {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
