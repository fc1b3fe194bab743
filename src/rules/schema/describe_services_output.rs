//! Describe-services output (wrapper or read-only fields) used as a create-service request. Reported by shape detection and the schema validator.

use crate::declare_rule;
use crate::rule::Rule;

declare_rule! {
    pub struct DescribeServicesOutput {
        code: "ECS-SCH-013",
        name: "describe-services-output",
        category: Schema,
        severity: Error,
        since: "0.1.0",
        summary: "describe-services output (wrapper or read-only fields) used as a create-service request",
    }
}

impl Rule for DescribeServicesOutput {}
