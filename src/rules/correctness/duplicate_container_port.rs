//! TODO(rule author): the same container port mapped twice.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct DuplicateContainerPort {
        code: "ECS-COR-033",
        name: "duplicate-container-port",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "the same container port mapped twice",
    }
}

impl Rule for DuplicateContainerPort {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
