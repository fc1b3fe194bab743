//! TODO(rule author): a container's root filesystem is writable.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct WritableRootFilesystem {
        code: "ECS-SEC-006",
        name: "writable-root-filesystem",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a container's root filesystem is writable",
    }
}

impl Rule for WritableRootFilesystem {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
