//! TODO(rule author): no container in the task definition is essential.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct NoEssentialContainer {
        code: "ECS-COR-006",
        name: "no-essential-container",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "no container in the task definition is essential",
    }
}

impl Rule for NoEssentialContainer {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
