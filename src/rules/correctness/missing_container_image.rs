//! TODO(rule author): a container without an image.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct MissingContainerImage {
        code: "ECS-COR-014",
        name: "missing-container-image",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a container without an image",
    }
}

impl Rule for MissingContainerImage {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
