//! TODO(rule author): ECS Exec enabled on a service that looks like production.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct ExecuteCommandEnabled {
        code: "ECS-SEC-026",
        name: "execute-command-enabled",
        category: Security,
        severity: Info,
        since: "0.1.0",
        summary: "ECS Exec enabled on a service that looks like production",
    }
}

impl Rule for ExecuteCommandEnabled {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
