//! TODO(rule author): two containers with the same name.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct DuplicateContainerName {
        code: "ECS-COR-012",
        name: "duplicate-container-name",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "two containers with the same name",
    }
}

impl Rule for DuplicateContainerName {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
