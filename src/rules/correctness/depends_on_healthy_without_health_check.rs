//! TODO(rule author): a HEALTHY dependency on a container without a health check.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct DependsOnHealthyWithoutHealthCheck {
        code: "ECS-COR-018",
        name: "depends-on-healthy-without-health-check",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a HEALTHY dependency on a container without a health check",
    }
}

impl Rule for DependsOnHealthyWithoutHealthCheck {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
