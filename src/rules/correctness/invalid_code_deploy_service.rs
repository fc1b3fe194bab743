//! TODO(rule author): a CODE_DEPLOY service without what blue/green deployments need.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidCodeDeployService {
        code: "ECS-COR-061",
        name: "invalid-code-deploy-service",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a CODE_DEPLOY service without what blue/green deployments need",
    }
}

impl Rule for InvalidCodeDeployService {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
