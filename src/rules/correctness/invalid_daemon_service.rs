//! TODO(rule author): a DAEMON service with a launch type, controller or deployment setting DAEMON does not support.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidDaemonService {
        code: "ECS-COR-055",
        name: "invalid-daemon-service",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a DAEMON service with a launch type, controller or deployment setting DAEMON does not support",
    }
}

impl Rule for InvalidDaemonService {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
