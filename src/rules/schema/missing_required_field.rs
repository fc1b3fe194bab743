//! A field the ECS API requires is missing. Reported by the input pipeline or the schema validator (`src/schema.rs`).

use crate::declare_rule;
use crate::rule::Rule;

declare_rule! {
    pub struct MissingRequiredField {
        code: "ECS-SCH-007",
        name: "missing-required-field",
        category: Schema,
        severity: Error,
        since: "0.1.0",
        summary: "a field the ECS API requires is missing",
    }
}

impl Rule for MissingRequiredField {}
