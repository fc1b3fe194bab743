//! TODO(rule author): awslogs in blocking mode, which can stall the application.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct AwslogsBlockingMode {
        code: "ECS-HA-005",
        name: "awslogs-blocking-mode",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "awslogs in blocking mode, which can stall the application",
    }
}

impl Rule for AwslogsBlockingMode {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
