//! The same key appears twice in one object. Reported by the input pipeline or the schema validator (`src/schema.rs`).

use crate::declare_rule;
use crate::rule::Rule;

declare_rule! {
    pub struct DuplicateKey {
        code: "ECS-SCH-002",
        name: "duplicate-key",
        category: Schema,
        severity: Warning,
        since: "0.1.0",
        summary: "the same key appears twice in one object",
    }
}

impl Rule for DuplicateKey {}
