//! TODO(rule author): a parameter the task's launch type (Fargate, External, Managed Instances) does not support.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct LaunchTypeUnsupportedParameter {
        code: "ECS-COR-023",
        name: "launch-type-unsupported-parameter",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a parameter the task's launch type (Fargate, External, Managed Instances) does not support",
    }
}

impl Rule for LaunchTypeUnsupportedParameter {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
