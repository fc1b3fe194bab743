//! TODO(rule author): a mount point names a volume the task definition does not declare.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct UnknownMountVolume {
        code: "ECS-COR-019",
        name: "unknown-mount-volume",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a mount point names a volume the task definition does not declare",
    }
}

impl Rule for UnknownMountVolume {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
