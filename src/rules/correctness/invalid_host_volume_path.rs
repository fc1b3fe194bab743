//! TODO(rule author): a host volume with an empty source path.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidHostVolumePath {
        code: "ECS-COR-047",
        name: "invalid-host-volume-path",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a host volume with an empty source path",
    }
}

impl Rule for InvalidHostVolumePath {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
