//! Describe-task-definition output (wrapper or read-only fields) used as a register request. Reported by the input pipeline or the schema validator (`src/schema.rs`).

use crate::declare_rule;
use crate::rule::Rule;

declare_rule! {
    pub struct DescribeTaskDefinitionOutput {
        code: "ECS-SCH-003",
        name: "describe-task-definition-output",
        category: Schema,
        severity: Error,
        since: "0.1.0",
        summary: "describe-task-definition output (wrapper or read-only fields) used as a register request",
    }
}

impl Rule for DescribeTaskDefinitionOutput {}
