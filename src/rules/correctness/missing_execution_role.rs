//! TODO(rule author): a feature that needs executionRoleArn without one.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct MissingExecutionRole {
        code: "ECS-COR-022",
        name: "missing-execution-role",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a feature that needs executionRoleArn without one",
    }
}

impl Rule for MissingExecutionRole {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
