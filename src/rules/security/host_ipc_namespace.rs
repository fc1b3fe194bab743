//! TODO(rule author): the task shares the host's IPC namespace.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct HostIpcNamespace {
        code: "ECS-SEC-003",
        name: "host-ipc-namespace",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "the task shares the host's IPC namespace",
    }
}

impl Rule for HostIpcNamespace {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
