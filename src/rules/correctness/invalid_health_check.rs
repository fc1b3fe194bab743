//! TODO(rule author): a health check outside the documented ranges or without a CMD or CMD-SHELL command.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidHealthCheck {
        code: "ECS-COR-028",
        name: "invalid-health-check",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a health check outside the documented ranges or without a CMD or CMD-SHELL command",
    }
}

impl Rule for InvalidHealthCheck {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
