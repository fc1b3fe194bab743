//! TODO(rule author): Service Connect names a port mapping the task definition does not have, or runs on Windows.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct ServiceConnectPortNameUnknown {
        code: "ECS-COR-052",
        name: "service-connect-port-name-unknown",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "Service Connect names a port mapping the task definition does not have, or runs on Windows",
    }
}

impl Rule for ServiceConnectPortNameUnknown {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
