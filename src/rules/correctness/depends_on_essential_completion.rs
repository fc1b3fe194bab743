//! TODO(rule author): a SUCCESS or COMPLETE dependency on an essential container.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct DependsOnEssentialCompletion {
        code: "ECS-COR-017",
        name: "depends-on-essential-completion",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a SUCCESS or COMPLETE dependency on an essential container",
    }
}

impl Rule for DependsOnEssentialCompletion {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
