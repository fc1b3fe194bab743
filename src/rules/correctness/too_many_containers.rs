//! TODO(rule author): more than 10 containers in one task definition.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct TooManyContainers {
        code: "ECS-COR-011",
        name: "too-many-containers",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "more than 10 containers in one task definition",
    }
}

impl Rule for TooManyContainers {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
