//! TODO(rule author): container memory exceeds the task memory.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct ContainerMemoryExceedsTask {
        code: "ECS-COR-008",
        name: "container-memory-exceeds-task",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "container memory exceeds the task memory",
    }
}

impl Rule for ContainerMemoryExceedsTask {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
