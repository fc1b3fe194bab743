//! TODO(rule author): a port mapping name AWS does not accept or uses twice.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidPortMappingName {
        code: "ECS-COR-031",
        name: "invalid-port-mapping-name",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a port mapping name AWS does not accept or uses twice",
    }
}

impl Rule for InvalidPortMappingName {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
