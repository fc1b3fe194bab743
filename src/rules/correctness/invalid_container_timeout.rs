//! TODO(rule author): a startTimeout or stopTimeout outside the documented limits.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidContainerTimeout {
        code: "ECS-COR-029",
        name: "invalid-container-timeout",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a startTimeout or stopTimeout outside the documented limits",
    }
}

impl Rule for InvalidContainerTimeout {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
