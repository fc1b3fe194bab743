//! TODO(rule author): a secret in another account or Region than the task definition's roles.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct SecretAccountOrRegionMismatch {
        code: "ECS-COR-038",
        name: "secret-account-or-region-mismatch",
        category: Correctness,
        severity: Warning,
        since: "0.1.0",
        summary: "a secret in another account or Region than the task definition's roles",
    }
}

impl Rule for SecretAccountOrRegionMismatch {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
