//! TODO(rule author): a container other containers wait to complete is left essential.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct OneShotContainerEssential {
        code: "ECS-HA-002",
        name: "one-shot-container-essential",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "a container other containers wait to complete is left essential",
    }
}

impl Rule for OneShotContainerEssential {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
