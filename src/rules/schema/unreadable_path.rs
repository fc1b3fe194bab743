//! A path that does not exist or cannot be read. Reported by the input pipeline or the schema validator (`src/schema.rs`).

use crate::declare_rule;
use crate::rule::Rule;

declare_rule! {
    pub struct UnreadablePath {
        code: "ECS-SCH-012",
        name: "unreadable-path",
        category: Schema,
        severity: Error,
        since: "0.1.0",
        summary: "a path that does not exist or cannot be read",
    }
}

impl Rule for UnreadablePath {}
