//! TODO(rule author): a Fargate service whose task definition is not Fargate-compatible.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct FargateServiceIncompatibleTaskDefinition {
        code: "ECS-COR-051",
        name: "fargate-service-incompatible-task-definition",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a Fargate service whose task definition is not Fargate-compatible",
    }
}

impl Rule for FargateServiceIncompatibleTaskDefinition {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
