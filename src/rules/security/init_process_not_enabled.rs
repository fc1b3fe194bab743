//! TODO(rule author): a container without an init process to reap zombies and forward signals.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InitProcessNotEnabled {
        code: "ECS-SEC-022",
        name: "init-process-not-enabled",
        category: Security,
        severity: Info,
        since: "0.1.0",
        summary: "a container without an init process to reap zombies and forward signals",
    }
}

impl Rule for InitProcessNotEnabled {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
