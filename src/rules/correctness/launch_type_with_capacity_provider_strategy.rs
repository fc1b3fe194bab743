//! TODO(rule author): both launchType and capacityProviderStrategy are set.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct LaunchTypeWithCapacityProviderStrategy {
        code: "ECS-COR-056",
        name: "launch-type-with-capacity-provider-strategy",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "both launchType and capacityProviderStrategy are set",
    }
}

impl Rule for LaunchTypeWithCapacityProviderStrategy {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
