//! TODO(rule author): hostPort differs from containerPort under awsvpc or host networking.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct HostPortMismatch {
        code: "ECS-COR-004",
        name: "host-port-mismatch",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "hostPort differs from containerPort under awsvpc or host networking",
    }
}

impl Rule for HostPortMismatch {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
