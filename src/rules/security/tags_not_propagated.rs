//! TODO(rule author): the service does not propagate tags to its tasks.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct TagsNotPropagated {
        code: "ECS-SEC-027",
        name: "tags-not-propagated",
        category: Security,
        severity: Info,
        since: "0.1.0",
        summary: "the service does not propagate tags to its tasks",
    }
}

impl Rule for TagsNotPropagated {
    fn check_service(&self, _service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, _cx: &mut LintContext<'_>) {}
}
