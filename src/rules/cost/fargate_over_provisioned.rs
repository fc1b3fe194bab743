//! TODO(rule author): a Fargate task size far above what its containers reserve.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct FargateOverProvisioned {
        code: "ECS-COST-001",
        name: "fargate-over-provisioned",
        category: Cost,
        severity: Warning,
        since: "0.1.0",
        summary: "a Fargate task size far above what its containers reserve",
    }
}

impl Rule for FargateOverProvisioned {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
