//! TODO(rule author): a Fargate task definition without networkMode awsvpc.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct FargateRequiresAwsvpc {
        code: "ECS-COR-002",
        name: "fargate-requires-awsvpc",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a Fargate task definition without networkMode awsvpc",
    }
}

impl Rule for FargateRequiresAwsvpc {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
