//! TODO(rule author): a service role set for a task definition in awsvpc mode.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct ServiceRoleWithAwsvpc {
        code: "ECS-COR-054",
        name: "service-role-with-awsvpc",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a service role set for a task definition in awsvpc mode",
    }
}

impl Rule for ServiceRoleWithAwsvpc {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
