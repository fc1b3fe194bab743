//! TODO(rule author): a task definition without the tags the configuration requires.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct MissingRequiredTags {
        code: "ECS-SEC-023",
        name: "missing-required-tags",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a task definition without the tags the configuration requires",
    }
}

impl Rule for MissingRequiredTags {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
