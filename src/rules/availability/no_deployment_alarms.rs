//! TODO(rule author): a rolling deployment without CloudWatch alarms to stop it.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct NoDeploymentAlarms {
        code: "ECS-HA-015",
        name: "no-deployment-alarms",
        category: Availability,
        severity: Info,
        since: "0.1.0",
        summary: "a rolling deployment without CloudWatch alarms to stop it",
    }
}

impl Rule for NoDeploymentAlarms {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
