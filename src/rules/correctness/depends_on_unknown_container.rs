//! TODO(rule author): dependsOn names a container that is not in the task definition.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct DependsOnUnknownContainer {
        code: "ECS-COR-015",
        name: "depends-on-unknown-container",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "dependsOn names a container that is not in the task definition",
    }
}

impl Rule for DependsOnUnknownContainer {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
