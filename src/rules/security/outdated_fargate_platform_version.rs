//! TODO(rule author): a Fargate service pinned to a platform version below the latest.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct OutdatedFargatePlatformVersion {
        code: "ECS-SEC-025",
        name: "outdated-fargate-platform-version",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a Fargate service pinned to a platform version below the latest",
    }
}

impl Rule for OutdatedFargatePlatformVersion {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
