//! TODO(rule author): container links that form a cycle.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct LinksCycle {
        code: "ECS-COR-027",
        name: "links-cycle",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "container links that form a cycle",
    }
}

impl Rule for LinksCycle {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
