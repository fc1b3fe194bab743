//! A length, item count or number outside the API's limits. Reported by the input pipeline or the schema validator (`src/schema.rs`).

use crate::declare_rule;
use crate::rule::Rule;

declare_rule! {
    pub struct ValueOutOfRange {
        code: "ECS-SCH-008",
        name: "value-out-of-range",
        category: Schema,
        severity: Error,
        since: "0.1.0",
        summary: "a length, item count or number outside the API's limits",
    }
}

impl Rule for ValueOutOfRange {}
