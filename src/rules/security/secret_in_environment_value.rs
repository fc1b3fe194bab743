//! TODO(rule author): a credential in plain text in environment.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct SecretInEnvironmentValue {
        code: "ECS-SEC-010",
        name: "secret-in-environment-value",
        category: Security,
        severity: Error,
        since: "0.1.0",
        summary: "a credential in plain text in environment",
    }
}

impl Rule for SecretInEnvironmentValue {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
