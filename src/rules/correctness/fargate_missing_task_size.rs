//! TODO(rule author): a Fargate task definition without task-level cpu or memory.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct FargateMissingTaskSize {
        code: "ECS-COR-003",
        name: "fargate-missing-task-size",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a Fargate task definition without task-level cpu or memory",
    }
}

impl Rule for FargateMissingTaskSize {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
