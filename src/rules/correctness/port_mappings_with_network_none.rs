//! TODO(rule author): port mappings in a task definition whose networkMode is none.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct PortMappingsWithNetworkNone {
        code: "ECS-COR-005",
        name: "port-mappings-with-network-none",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "port mappings in a task definition whose networkMode is none",
    }
}

impl Rule for PortMappingsWithNetworkNone {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
