//! A value of the wrong JSON type. Reported by the input pipeline or the schema validator (`src/schema.rs`).

use crate::declare_rule;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidType {
        code: "ECS-SCH-005",
        name: "invalid-type",
        category: Schema,
        severity: Error,
        since: "0.1.0",
        summary: "a value of the wrong JSON type",
    }
}

impl Rule for InvalidType {}
