//! A string with characters the API does not allow. Reported by the input pipeline or the schema validator (`src/schema.rs`).

use crate::declare_rule;
use crate::rule::Rule;

declare_rule! {
    pub struct PatternMismatch {
        code: "ECS-SCH-009",
        name: "pattern-mismatch",
        category: Schema,
        severity: Warning,
        since: "0.1.0",
        summary: "a string with characters the API does not allow",
    }
}

impl Rule for PatternMismatch {}
