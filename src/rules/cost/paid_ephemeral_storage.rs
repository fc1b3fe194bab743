//! TODO(rule author): ephemeral storage above the free 20 GiB.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct PaidEphemeralStorage {
        code: "ECS-COST-003",
        name: "paid-ephemeral-storage",
        category: Cost,
        severity: Info,
        since: "0.1.0",
        summary: "ephemeral storage above the free 20 GiB",
    }
}

impl Rule for PaidEphemeralStorage {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
