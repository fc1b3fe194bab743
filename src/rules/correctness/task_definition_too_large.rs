//! TODO(rule author): a task definition larger than the 64 KiB AWS accepts.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct TaskDefinitionTooLarge {
        code: "ECS-COR-043",
        name: "task-definition-too-large",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a task definition larger than the 64 KiB AWS accepts",
    }
}

impl Rule for TaskDefinitionTooLarge {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
