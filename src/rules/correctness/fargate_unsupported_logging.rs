//! TODO(rule author): a log driver or FireLens setting Fargate does not support.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct FargateUnsupportedLogging {
        code: "ECS-COR-024",
        name: "fargate-unsupported-logging",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a log driver or FireLens setting Fargate does not support",
    }
}

impl Rule for FargateUnsupportedLogging {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
