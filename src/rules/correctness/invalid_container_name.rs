//! TODO(rule author): a container name that is missing, empty or has invalid characters.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidContainerName {
        code: "ECS-COR-013",
        name: "invalid-container-name",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a container name that is missing, empty or has invalid characters",
    }
}

impl Rule for InvalidContainerName {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
