//! A file named on the command line is not an ECS document. Reported by the input pipeline or the schema validator (`src/schema.rs`).

use crate::declare_rule;
use crate::rule::Rule;

declare_rule! {
    pub struct NotAnEcsDocument {
        code: "ECS-SCH-011",
        name: "not-an-ecs-document",
        category: Schema,
        severity: Info,
        since: "0.1.0",
        summary: "a file named on the command line is not an ECS document",
    }
}

impl Rule for NotAnEcsDocument {}
