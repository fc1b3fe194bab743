//! TODO(rule author): containers depend on each other in a cycle.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct DependsOnCycle {
        code: "ECS-COR-016",
        name: "depends-on-cycle",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "containers depend on each other in a cycle",
    }
}

impl Rule for DependsOnCycle {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
