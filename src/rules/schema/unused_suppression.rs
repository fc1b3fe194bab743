//! A suppression (in-band tag or label, or a config `[[ignore]]` entry) that hid no finding. Reported by the suppression pass.

use crate::declare_rule;
use crate::rule::Rule;

declare_rule! {
    pub struct UnusedSuppression {
        code: "ECS-SCH-014",
        name: "unused-suppression",
        category: Schema,
        severity: Info,
        since: "0.1.0",
        summary: "a suppression (tag, label or [[ignore]] entry) that matched no finding",
    }
}

impl Rule for UnusedSuppression {}
