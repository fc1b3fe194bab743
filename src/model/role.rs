//! A view over an IAM role a task definition uses, gathered from a template or plan.
//!
//! Canonical shape (camelCase like the IAM API, pointers below are what rules report):
//! ```json
//! {
//!   "roleName": "TaskRole",
//!   "assumeRolePolicyDocument": { "Version": "2012-10-17", "Statement": [ ... ] },
//!   "policies": [ { "policyName": "app", "policyDocument": { "Statement": [ ... ] } } ],
//!   "managedPolicyArns": [ "arn:aws:iam::aws:policy/AdministratorAccess" ],
//!   "usage": { "taskRoleOf": ["TaskDef"], "executionRoleOf": ["TaskDef"], "needs": { ... } }
//! }
//! ```
//! Policy documents keep IAM's own PascalCase keys. Intrinsics and unknown values are opaque
//! placeholder strings, as everywhere in the model.

use super::known::known_str;
use serde_json::Value;

#[derive(Debug, Clone, Copy)]
pub struct Role<'a> {
    value: &'a Value,
}

impl<'a> Role<'a> {
    pub fn new(value: &'a Value) -> Self {
        Self { value }
    }

    pub fn value(&self) -> &'a Value {
        self.value
    }

    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.value.get(key)
    }

    /// The logical ID or address that names the role in its template or plan.
    pub fn name(&self) -> Option<&'a str> {
        known_str(self.get("roleName"))
    }

    /// The elements of an array field (empty when absent or not an array).
    pub fn array(&self, key: &str) -> &'a [Value] {
        self.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
    }
}
