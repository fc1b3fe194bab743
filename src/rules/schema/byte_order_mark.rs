//! The file starts with a UTF-8 byte-order mark. Reported by the input pipeline or the schema validator (`src/schema.rs`).

use crate::declare_rule;
use crate::rule::Rule;

declare_rule! {
    pub struct ByteOrderMark {
        code: "ECS-SCH-010",
        name: "byte-order-mark",
        category: Schema,
        severity: Warning,
        since: "0.1.0",
        summary: "the file starts with a UTF-8 byte-order mark",
    }
}

impl Rule for ByteOrderMark {}
