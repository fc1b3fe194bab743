//! TODO(rule author): the task uses the host's network namespace.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct HostNetworkMode {
        code: "ECS-SEC-004",
        name: "host-network-mode",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "the task uses the host's network namespace",
    }
}

impl Rule for HostNetworkMode {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
