//! TODO(rule author): a platformVersion on a non-Fargate service or in a form AWS does not know.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidPlatformVersion {
        code: "ECS-COR-059",
        name: "invalid-platform-version",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a platformVersion on a non-Fargate service or in a form AWS does not know",
    }
}

impl Rule for InvalidPlatformVersion {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
