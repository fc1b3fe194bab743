//! TODO(rule author): a containerPortRange AWS does not accept.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidContainerPortRange {
        code: "ECS-COR-032",
        name: "invalid-container-port-range",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a containerPortRange AWS does not accept",
    }
}

impl Rule for InvalidContainerPortRange {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
