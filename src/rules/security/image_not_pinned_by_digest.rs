//! TODO(rule author): an image referenced by a mutable tag rather than a digest.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct ImageNotPinnedByDigest {
        code: "ECS-SEC-020",
        name: "image-not-pinned-by-digest",
        category: Security,
        severity: Info,
        since: "0.1.0",
        summary: "an image referenced by a mutable tag rather than a digest",
    }
}

impl Rule for ImageNotPinnedByDigest {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
