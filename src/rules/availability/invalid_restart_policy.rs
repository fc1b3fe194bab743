//! TODO(rule author): a restart policy outside its documented bounds.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidRestartPolicy {
        code: "ECS-HA-003",
        name: "invalid-restart-policy",
        category: Availability,
        severity: Error,
        since: "0.1.0",
        summary: "a restart policy outside its documented bounds",
    }
}

impl Rule for InvalidRestartPolicy {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
