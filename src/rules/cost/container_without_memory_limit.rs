//! TODO(rule author): an EC2 container without a hard memory limit.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct ContainerWithoutMemoryLimit {
        code: "ECS-COST-004",
        name: "container-without-memory-limit",
        category: Cost,
        severity: Warning,
        since: "0.1.0",
        summary: "an EC2 container without a hard memory limit",
    }
}

impl Rule for ContainerWithoutMemoryLimit {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
