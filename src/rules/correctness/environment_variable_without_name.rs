//! TODO(rule author): an environment entry without a name.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct EnvironmentVariableWithoutName {
        code: "ECS-COR-035",
        name: "environment-variable-without-name",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "an environment entry without a name",
    }
}

impl Rule for EnvironmentVariableWithoutName {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
