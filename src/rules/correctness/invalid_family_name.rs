//! TODO(rule author): a family name that is empty, too long or has invalid characters.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidFamilyName {
        code: "ECS-COR-045",
        name: "invalid-family-name",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a family name that is empty, too long or has invalid characters",
    }
}

impl Rule for InvalidFamilyName {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
