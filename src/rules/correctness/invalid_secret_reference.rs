//! TODO(rule author): a secret valueFrom that is not a valid SSM parameter or Secrets Manager reference.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidSecretReference {
        code: "ECS-COR-037",
        name: "invalid-secret-reference",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a secret valueFrom that is not a valid SSM parameter or Secrets Manager reference",
    }
}

impl Rule for InvalidSecretReference {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
