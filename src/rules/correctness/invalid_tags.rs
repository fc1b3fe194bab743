//! TODO(rule author): tags beyond AWS limits or with the reserved aws: prefix.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidTags {
        code: "ECS-COR-042",
        name: "invalid-tags",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "tags beyond AWS limits or with the reserved aws: prefix",
    }
}

impl Rule for InvalidTags {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
