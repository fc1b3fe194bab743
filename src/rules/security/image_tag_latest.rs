//! TODO(rule author): an image without a tag or tagged latest.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct ImageTagLatest {
        code: "ECS-SEC-019",
        name: "image-tag-latest",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "an image without a tag or tagged latest",
    }
}

impl Rule for ImageTagLatest {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
