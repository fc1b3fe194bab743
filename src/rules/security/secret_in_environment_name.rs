//! TODO(rule author): a variable named like a secret is set in plain text in environment.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct SecretInEnvironmentName {
        code: "ECS-SEC-009",
        name: "secret-in-environment-name",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a variable named like a secret is set in plain text in environment",
    }
}

impl Rule for SecretInEnvironmentName {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
