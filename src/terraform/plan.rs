//! Reading a plan: is this a plan, and which resources will it deploy, with the pointers to their
//! values (`resource_changes[].change.after`, or `planned_values` when a resource has no change entry).

use crate::input::json::{Node, NodeKind};
use std::collections::HashSet;

/// The resource types the front-end reads.
pub(super) const TYPES: [&str; 10] = [
    "aws_ecs_task_definition",
    "aws_ecs_service",
    "aws_ecs_cluster",
    "aws_iam_role",
    "aws_iam_role_policy",
    "aws_iam_role_policy_attachment",
    "aws_iam_policy_attachment",
    "aws_iam_policy",
    "aws_lb_target_group",
    "aws_alb_target_group",
];

/// Child modules nest this deep at most (a plan is input: its depth is not trusted).
const MAX_MODULE_DEPTH: usize = 32;

/// One resource the plan deploys.
#[derive(Debug, Clone)]
pub(super) struct Planned {
    /// `module.app.aws_ecs_service.web["a"]`.
    pub address: String,
    pub rtype: String,
    /// The module instance (`module.app[0]`); empty in the root module.
    pub module: String,
    /// Pointer to the values object in the plan.
    pub pointer: String,
    /// Pointer to the matching `after_unknown` object (resource changes only).
    pub unknown: Option<String>,
}

impl Planned {
    /// The address inside its module (`aws_ecs_service.web["a"]`).
    pub fn local(&self) -> &str {
        if self.module.is_empty() {
            return &self.address;
        }
        self.address.strip_prefix(&self.module).and_then(|a| a.strip_prefix('.')).unwrap_or(&self.address)
    }
}

/// A `terraform show -json` plan (format 1.x) or state, judged by its content.
pub(super) fn is_plan(root: &Node) -> bool {
    let Some(version) = root.get("format_version").and_then(Node::as_str) else { return false };
    let major_one = version.split('.').next() == Some("1");
    let object = |key: &str| root.get(key).is_some_and(|n| matches!(n.kind, NodeKind::Object(_)));
    let has_changes = root.get("resource_changes").is_some_and(|n| matches!(n.kind, NodeKind::Array(_)));
    major_one && (object("planned_values") || has_changes || object("values"))
}

/// Every resource of the read types the plan deploys, in plan order.
pub(super) fn collect(root: &Node) -> Vec<Planned> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    if let Some(NodeKind::Array(changes)) = root.get("resource_changes").map(|n| &n.kind) {
        for (i, rc) in changes.iter().enumerate() {
            let (Some(address), Some(rtype)) = (str_at(rc, "address"), str_at(rc, "type")) else { continue };
            if !TYPES.contains(&rtype) || str_at(rc, "mode").is_some_and(|m| m != "managed") {
                continue;
            }
            seen.insert(address.to_string());
            let Some(change) = rc.get("change") else { continue };
            if is_delete(change) || !change.get("after").is_some_and(|a| matches!(a.kind, NodeKind::Object(_))) {
                continue;
            }
            let base = format!("/resource_changes/{i}/change");
            let module = str_at(rc, "module_address").map_or_else(|| module_of(address, rtype), str::to_string);
            out.push(Planned {
                address: address.to_string(),
                rtype: rtype.to_string(),
                module,
                pointer: format!("{base}/after"),
                unknown: Some(format!("{base}/after_unknown")),
            });
        }
    }
    for key in ["planned_values", "values"] {
        if let Some(module) = root.get(key).and_then(|v| v.get("root_module")) {
            walk_module(module, &format!("/{key}/root_module"), 0, &mut seen, &mut out);
        }
    }
    out
}

/// `["delete"]` (and `["forget"]`): the resource will not exist after the apply.
fn is_delete(change: &Node) -> bool {
    let Some(NodeKind::Array(actions)) = change.get("actions").map(|n| &n.kind) else { return false };
    !actions.is_empty() && actions.iter().all(|a| matches!(a.as_str(), Some("delete" | "forget")))
}

fn walk_module(module: &Node, pointer: &str, depth: usize, seen: &mut HashSet<String>, out: &mut Vec<Planned>) {
    if depth > MAX_MODULE_DEPTH {
        return;
    }
    if let Some(NodeKind::Array(resources)) = module.get("resources").map(|n| &n.kind) {
        for (i, r) in resources.iter().enumerate() {
            let (Some(address), Some(rtype)) = (str_at(r, "address"), str_at(r, "type")) else { continue };
            if !TYPES.contains(&rtype) || str_at(r, "mode").is_some_and(|m| m != "managed") {
                continue;
            }
            if !r.get("values").is_some_and(|v| matches!(v.kind, NodeKind::Object(_))) || !seen.insert(address.into()) {
                continue;
            }
            out.push(Planned {
                address: address.to_string(),
                rtype: rtype.to_string(),
                module: module_of(address, rtype),
                pointer: format!("{pointer}/resources/{i}/values"),
                unknown: None,
            });
        }
    }
    if let Some(NodeKind::Array(children)) = module.get("child_modules").map(|n| &n.kind) {
        for (i, child) in children.iter().enumerate() {
            walk_module(child, &format!("{pointer}/child_modules/{i}"), depth + 1, seen, out);
        }
    }
}

fn str_at<'a>(node: &'a Node, key: &str) -> Option<&'a str> {
    node.get(key).and_then(Node::as_str)
}

/// The module instance part of an address (`module.app[0]` of `module.app[0].aws_iam_role.x`).
pub(super) fn module_of(address: &str, rtype: &str) -> String {
    if !address.starts_with("module.") {
        return String::new();
    }
    address.rfind(&format!(".{rtype}.")).map_or_else(String::new, |i| address[..i].to_string())
}

/// Splits an address or reference on the dots outside `[...]` (for_each keys may hold dots).
pub(super) fn segments(address: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut quoted, mut escaped, mut start) = (0usize, false, false, 0);
    for (i, c) in address.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' if depth > 0 => quoted = !quoted,
            '[' if !quoted => depth += 1,
            ']' if !quoted => depth = depth.saturating_sub(1),
            '.' if depth == 0 && !quoted => {
                out.push(&address[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&address[start..]);
    out
}

/// `x` of `x[0]` or `x["a"]`.
pub(super) fn strip_index(segment: &str) -> &str {
    segment.split_once('[').map_or(segment, |(name, _)| name)
}

/// The module call names of a module instance (`["app", "inner"]` of `module.app[0].module.inner`).
pub(super) fn call_names(module: &str) -> Vec<String> {
    if module.is_empty() {
        return Vec::new();
    }
    segments(module)
        .chunks(2)
        .filter(|c| c.first() == Some(&"module"))
        .filter_map(|c| c.get(1))
        .map(|s| strip_index(s).to_string())
        .collect()
}
