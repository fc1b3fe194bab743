//! TODO(rule author): a parameter Windows containers do not support.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct WindowsUnsupportedParameter {
        code: "ECS-COR-025",
        name: "windows-unsupported-parameter",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a parameter Windows containers do not support",
    }
}

impl Rule for WindowsUnsupportedParameter {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
