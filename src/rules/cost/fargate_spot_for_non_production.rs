//! TODO(rule author): a non-production Fargate service on on-demand capacity.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct FargateSpotForNonProduction {
        code: "ECS-COST-005",
        name: "fargate-spot-for-non-production",
        category: Cost,
        severity: Info,
        since: "0.1.0",
        summary: "a non-production Fargate service on on-demand capacity",
    }
}

impl Rule for FargateSpotForNonProduction {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
