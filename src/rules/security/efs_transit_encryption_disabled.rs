//! TODO(rule author): an EFS volume without encryption in transit.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct EfsTransitEncryptionDisabled {
        code: "ECS-SEC-013",
        name: "efs-transit-encryption-disabled",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "an EFS volume without encryption in transit",
    }
}

impl Rule for EfsTransitEncryptionDisabled {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
