//! The file is not valid JSON (malformed, empty, binary, not UTF-8, too deep or too large). Reported by the input pipeline or the schema validator (`src/schema.rs`).

use crate::declare_rule;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidJson {
        code: "ECS-SCH-001",
        name: "invalid-json",
        category: Schema,
        severity: Error,
        since: "0.1.0",
        summary: "the file is not valid JSON (malformed, empty, binary, not UTF-8, too deep or too large)",
    }
}

impl Rule for InvalidJson {}
