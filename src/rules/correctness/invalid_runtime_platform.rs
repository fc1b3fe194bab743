//! TODO(rule author): a runtimePlatform combination AWS does not support.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidRuntimePlatform {
        code: "ECS-COR-044",
        name: "invalid-runtime-platform",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a runtimePlatform combination AWS does not support",
    }
}

impl Rule for InvalidRuntimePlatform {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
