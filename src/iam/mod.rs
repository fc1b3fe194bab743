//! IAM policies of the roles task definitions use: reading documents, evaluating them, and the
//! AWS data (access levels, managed policies) the role rules need.

pub mod actions;
pub mod evaluate;
pub mod managed;
pub mod policy;
pub mod usage;

pub use evaluate::{Decision, PolicySet};

use crate::model::Role;
use crate::model::known::known_str;
use usage::Usage;

/// How messages name a role: `` role `TaskRole` (task role of `TaskDef`) ``.
pub fn describe_role(role: &Role<'_>) -> String {
    let name = role.name().map_or_else(|| "the role".to_string(), |n| format!("role `{n}`"));
    let usage = Usage::of(role);
    let mut uses = Vec::new();
    let task = usage.task_role_of();
    if !task.is_empty() {
        uses.push(format!("task role of {}", Usage::describe(&task)));
    }
    let execution = usage.execution_role_of();
    if !execution.is_empty() {
        uses.push(format!("execution role of {}", Usage::describe(&execution)));
    }
    if uses.is_empty() { name } else { format!("{name} ({})", uses.join("; ")) }
}

/// How messages name the policy a statement pointer is in: `` policy `app` `` (inline, or a
/// policy resource attached to the role) or
/// `the trust policy`.
pub fn describe_policy(role: &Role<'_>, pointer: &str) -> String {
    let mut parts = pointer.split('/').skip(1);
    match (parts.next(), parts.next().and_then(|i| i.parse::<usize>().ok())) {
        (Some("policies"), Some(i)) => {
            let name = known_str(role.array("policies").get(i).and_then(|p| p.get("policyName")));
            match name.filter(|n| !n.is_empty()) {
                Some(name) => format!("policy `{name}`"),
                None => format!("policy #{i} of the role"),
            }
        }
        (Some("assumeRolePolicyDocument"), _) => "the trust policy".to_string(),
        _ => "a policy".to_string(),
    }
}
