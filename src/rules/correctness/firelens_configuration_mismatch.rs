//! TODO(rule author): the awsfirelens log driver and a firelensConfiguration container without each other.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct FirelensConfigurationMismatch {
        code: "ECS-COR-021",
        name: "firelens-configuration-mismatch",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "the awsfirelens log driver and a firelensConfiguration container without each other",
    }
}

impl Rule for FirelensConfigurationMismatch {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
