//! TODO(rule author): service registries that do not match the task definition's containers and ports.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct ServiceRegistryMismatch {
        code: "ECS-COR-053",
        name: "service-registry-mismatch",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "service registries that do not match the task definition's containers and ports",
    }
}

impl Rule for ServiceRegistryMismatch {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
