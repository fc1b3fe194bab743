//! TODO(rule author): static AWS keys in a task definition without a task role.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct AwsKeysWithoutTaskRole {
        code: "ECS-SEC-015",
        name: "aws-keys-without-task-role",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "static AWS keys in a task definition without a task role",
    }
}

impl Rule for AwsKeysWithoutTaskRole {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
