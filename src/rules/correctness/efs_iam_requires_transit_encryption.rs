//! TODO(rule author): EFS IAM authorization without transit encryption.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct EfsIamRequiresTransitEncryption {
        code: "ECS-COR-040",
        name: "efs-iam-requires-transit-encryption",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "EFS IAM authorization without transit encryption",
    }
}

impl Rule for EfsIamRequiresTransitEncryption {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
