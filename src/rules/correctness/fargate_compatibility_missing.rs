//! TODO(rule author): a task definition sized for Fargate that does not declare FARGATE compatibility.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct FargateCompatibilityMissing {
        code: "ECS-COR-046",
        name: "fargate-compatibility-missing",
        category: Correctness,
        severity: Warning,
        since: "0.1.0",
        summary: "a task definition sized for Fargate that does not declare FARGATE compatibility",
    }
}

impl Rule for FargateCompatibilityMissing {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
