//! TODO(rule author): the task shares the host's process namespace.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct HostPidNamespace {
        code: "ECS-SEC-002",
        name: "host-pid-namespace",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "the task shares the host's process namespace",
    }
}

impl Rule for HostPidNamespace {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
