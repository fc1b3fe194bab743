//! TODO(rule author): a container runs as root in host network mode.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct HostNetworkRootUser {
        code: "ECS-SEC-005",
        name: "host-network-root-user",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a container runs as root in host network mode",
    }
}

impl Rule for HostNetworkRootUser {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
