//! TODO(rule author): a container without a log configuration.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct MissingLogConfiguration {
        code: "ECS-SEC-012",
        name: "missing-log-configuration",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a container without a log configuration",
    }
}

impl Rule for MissingLogConfiguration {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
