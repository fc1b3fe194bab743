//! TODO(rule author): an image from a registry outside the trusted list.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct UntrustedImageRegistry {
        code: "ECS-SEC-021",
        name: "untrusted-image-registry",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "an image from a registry outside the trusted list",
    }
}

impl Rule for UntrustedImageRegistry {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
