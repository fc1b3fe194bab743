//! TODO(rule author): the containers' CPU units add up to more than the task CPU.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct ContainerCpuExceedsTask {
        code: "ECS-COR-009",
        name: "container-cpu-exceeds-task",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "the containers' CPU units add up to more than the task CPU",
    }
}

impl Rule for ContainerCpuExceedsTask {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
