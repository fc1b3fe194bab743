//! TODO(rule author): a credential in plain text in log driver options.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct SecretInLogOptions {
        code: "ECS-SEC-011",
        name: "secret-in-log-options",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a credential in plain text in log driver options",
    }
}

impl Rule for SecretInLogOptions {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
