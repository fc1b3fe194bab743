//! A value outside the field's allowed values. Reported by the input pipeline or the schema validator (`src/schema.rs`).

use crate::declare_rule;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidEnumValue {
        code: "ECS-SCH-006",
        name: "invalid-enum-value",
        category: Schema,
        severity: Error,
        since: "0.1.0",
        summary: "a value outside the field's allowed values",
    }
}

impl Rule for InvalidEnumValue {}
