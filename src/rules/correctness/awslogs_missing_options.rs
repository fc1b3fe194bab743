//! TODO(rule author): the awslogs driver without awslogs-group or awslogs-region.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct AwslogsMissingOptions {
        code: "ECS-COR-020",
        name: "awslogs-missing-options",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "the awslogs driver without awslogs-group or awslogs-region",
    }
}

impl Rule for AwslogsMissingOptions {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
