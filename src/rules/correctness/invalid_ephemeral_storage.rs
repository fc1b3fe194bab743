//! TODO(rule author): ephemeral storage outside the documented range or where it is not supported.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidEphemeralStorage {
        code: "ECS-COR-030",
        name: "invalid-ephemeral-storage",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "ephemeral storage outside the documented range or where it is not supported",
    }
}

impl Rule for InvalidEphemeralStorage {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
