//! TODO(rule author): a task or execution role that is not an IAM role ARN.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidRoleArn {
        code: "ECS-COR-039",
        name: "invalid-role-arn",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a task or execution role that is not an IAM role ARN",
    }
}

impl Rule for InvalidRoleArn {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
