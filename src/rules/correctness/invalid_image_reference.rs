//! TODO(rule author): an image reference that is not a valid repository, tag or digest.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidImageReference {
        code: "ECS-COR-034",
        name: "invalid-image-reference",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "an image reference that is not a valid repository, tag or digest",
    }
}

impl Rule for InvalidImageReference {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
