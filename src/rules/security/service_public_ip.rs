//! TODO(rule author): the service assigns public IP addresses to its tasks.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct ServicePublicIp {
        code: "ECS-SEC-024",
        name: "service-public-ip",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "the service assigns public IP addresses to its tasks",
    }
}

impl Rule for ServicePublicIp {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
