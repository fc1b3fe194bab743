//! TODO(rule author): deployment percentages that AWS rejects or that cannot make progress.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidDeploymentPercentages {
        code: "ECS-COR-058",
        name: "invalid-deployment-percentages",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "deployment percentages that AWS rejects or that cannot make progress",
    }
}

impl Rule for InvalidDeploymentPercentages {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
