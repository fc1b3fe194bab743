//! TODO(rule author): a Linux container runs as root.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct ContainerRunsAsRoot {
        code: "ECS-SEC-007",
        name: "container-runs-as-root",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a Linux container runs as root",
    }
}

impl Rule for ContainerRunsAsRoot {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
