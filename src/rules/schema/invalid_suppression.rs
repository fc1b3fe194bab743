//! An in-band suppression that cannot be applied: unknown rule or container, or no reason. Reported by the suppression pass.

use crate::declare_rule;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidSuppression {
        code: "ECS-SCH-015",
        name: "invalid-suppression",
        category: Schema,
        severity: Warning,
        since: "0.1.0",
        summary: "an in-band suppression with an unknown rule or container, or without a reason",
    }
}

impl Rule for InvalidSuppression {}
