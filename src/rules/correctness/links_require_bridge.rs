//! TODO(rule author): container links outside bridge network mode.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct LinksRequireBridge {
        code: "ECS-COR-026",
        name: "links-require-bridge",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "container links outside bridge network mode",
    }
}

impl Rule for LinksRequireBridge {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
