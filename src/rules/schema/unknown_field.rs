//! A field the ECS API does not have. Reported by the input pipeline or the schema validator (`src/schema.rs`).

use crate::declare_rule;
use crate::rule::Rule;

declare_rule! {
    pub struct UnknownField {
        code: "ECS-SCH-004",
        name: "unknown-field",
        category: Schema,
        severity: Error,
        since: "0.1.0",
        summary: "a field the ECS API does not have",
    }
}

impl Rule for UnknownField {}
