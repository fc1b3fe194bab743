//! TODO(rule author): an x86_64 Fargate task that could run on cheaper ARM64.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct Arm64WouldBeCheaper {
        code: "ECS-COST-002",
        name: "arm64-would-be-cheaper",
        category: Cost,
        severity: Info,
        since: "0.1.0",
        summary: "an x86_64 Fargate task that could run on cheaper ARM64",
    }
}

impl Rule for Arm64WouldBeCheaper {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
