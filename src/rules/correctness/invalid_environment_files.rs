//! TODO(rule author): environment files AWS does not accept.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidEnvironmentFiles {
        code: "ECS-COR-036",
        name: "invalid-environment-files",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "environment files AWS does not accept",
    }
}

impl Rule for InvalidEnvironmentFiles {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
