//! The IAM roles task definitions of the plan use, in the canonical role shape of
//! [`crate::model::Role`]: the role's own attributes plus the policies other resources give it
//! (`aws_iam_role_policy`, and `aws_iam_policy` or a managed ARN through
//! `aws_iam_role_policy_attachment`).

use super::convert::{At, Builder};
use super::plan::Planned;
use super::refs::Config;
use super::table::{POLICY, ROLE};
use super::{known, values};
use crate::input::json::{Member, Node, NodeKind};
use crate::model::{Format, Infra, Origin, Resource, Shape, join};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The task definitions that use a role: (task definition address, source pointer of the use).
#[derive(Debug, Default)]
pub(super) struct Usage {
    pub task_role_of: Vec<(String, String)>,
    pub execution_role_of: Vec<(String, String)>,
}

/// Role resources for the used roles (`usage` is keyed by index into `planned`).
pub(super) fn build(
    root: &Node,
    config: Config<'_>,
    planned: &[Planned],
    usage: &BTreeMap<usize, Usage>,
) -> Vec<Resource> {
    usage.iter().filter_map(|(&i, usage)| role(root, config, planned, i, usage)).collect()
}

fn role(root: &Node, config: Config<'_>, planned: &[Planned], i: usize, usage: &Usage) -> Option<Resource> {
    let p = planned.get(i)?;
    let (node, unknown) = values(root, p);
    let unknown = unknown.map(|u| without_computed(u, config, p));
    let mut b = Builder::new(&p.address, &p.pointer);
    let mut value = b.object(ROLE, node, unknown.as_ref(), &At::root(&p.pointer, p.unknown.as_deref()), "");
    for key in ["policies", "managedPolicyArns"] {
        // An unknown list of policies is one opaque element, so that policies gathered from other
        // resources can join it.
        match value.remove(key) {
            Some(Value::Array(items)) => value.insert(key.into(), Value::Array(items)),
            Some(opaque) => {
                let pointer = join("", key);
                let source = b.origin.get(&pointer).cloned().unwrap_or_default();
                b.origin.insert(join(&pointer, 0), source);
                value.insert(key.into(), Value::Array(vec![opaque]))
            }
            None => None,
        };
    }
    value.insert("roleName".into(), Value::String(p.address.clone()));
    b.origin.insert("/roleName".into(), p.pointer.clone());

    for (j, other) in planned.iter().enumerate() {
        match other.rtype.as_str() {
            "aws_iam_role_policy" if gives_to(root, config, planned, j, i) => {
                push_policy(&mut b, &mut value, root, other);
            }
            "aws_iam_role_policy_attachment" if gives_to(root, config, planned, j, i) => {
                push_attached(&mut b, &mut value, root, config, planned, other);
            }
            // The older attachment form gives one policy to a list of roles (and users, groups).
            "aws_iam_policy_attachment" if lists_role(root, config, planned, j, i) => {
                push_attached(&mut b, &mut value, root, config, planned, other);
            }
            _ => {}
        }
    }

    let mut uses = Map::new();
    for (key, list) in [("taskRoleOf", &usage.task_role_of), ("executionRoleOf", &usage.execution_role_of)] {
        let pointer = join("/usage", key);
        b.origin.insert(pointer.clone(), p.pointer.clone());
        for (k, (_, source)) in list.iter().enumerate() {
            b.origin.insert(join(&pointer, k), source.clone());
        }
        uses.insert(key.into(), list.iter().map(|(address, _)| Value::String(address.clone())).collect());
    }
    b.origin.insert("/usage".into(), p.pointer.clone());
    value.insert("usage".into(), Value::Object(uses));

    let origin = Origin::mapped(b.origin);
    Some(Resource {
        shape: Shape::Role,
        value: Value::Object(value),
        origin,
        infra: Some(Box::new(Infra::new(Format::Terraform, p.address.clone()))),
    })
}

/// `after_unknown` without `inline_policy` / `managed_policy_arns` when the configuration does not
/// set them: the provider computes them from other resources, which are gathered here anyway.
fn without_computed(unknown: &Node, config: Config<'_>, p: &Planned) -> Node {
    let mut unknown = unknown.clone();
    if let NodeKind::Object(members) = &mut unknown.kind {
        members.retain(|m: &Member| {
            !["inline_policy", "managed_policy_arns"].contains(&m.key.as_str()) || config.sets(p, &m.key) != Some(false)
        });
    }
    unknown
}

/// Whether the policy or attachment at `j` names the role at `role` in its `role` attribute.
fn gives_to(root: &Node, config: Config<'_>, planned: &[Planned], j: usize, role: usize) -> bool {
    let Some(other) = planned.get(j) else { return false };
    if let Some(resolved) = config.resolve(planned, other, "role", "aws_iam_role") {
        return resolved == role;
    }
    match (known(root, other, "role"), planned.get(role)) {
        (Some(name), Some(role)) => names_role(root, role, name),
        _ => false,
    }
}

/// Whether the `roles` list of an `aws_iam_policy_attachment` names the role, by reference or
/// by a known name.
fn lists_role(root: &Node, config: Config<'_>, planned: &[Planned], j: usize, role: usize) -> bool {
    let (Some(other), Some(target)) = (planned.get(j), planned.get(role)) else { return false };
    if config.resolve_all(planned, other, "roles", "aws_iam_role").contains(&role) {
        return true;
    }
    let names = root.lookup(&format!("{}/roles", other.pointer)).map(|(n, _)| n);
    matches!(names, Some(Node { kind: NodeKind::Array(items), .. })
        if items.iter().filter_map(Node::as_str).any(|name| names_role(root, target, name)))
}

/// Whether a known name, ID or ARN names the role.
pub(super) fn names_role(root: &Node, role: &Planned, text: &str) -> bool {
    let name = known(root, role, "name");
    if known(root, role, "arn") == Some(text) || known(root, role, "id") == Some(text) || name == Some(text) {
        return true;
    }
    text.starts_with("arn:") && text.contains(":role/") && name.is_some() && text.rsplit('/').next() == name
}

/// The policy an attachment gives: an `aws_iam_policy` of the plan (its document), or a managed
/// policy ARN.
fn push_attached(
    b: &mut Builder<'_>,
    value: &mut Map<String, Value>,
    root: &Node,
    config: Config<'_>,
    planned: &[Planned],
    attachment: &Planned,
) {
    let policy = config.resolve(planned, attachment, "policy_arn", "aws_iam_policy").or_else(|| {
        let arn = known(root, attachment, "policy_arn")?;
        planned.iter().position(|q| q.rtype == "aws_iam_policy" && known(root, q, "arn") == Some(arn))
    });
    match policy.and_then(|k| planned.get(k)) {
        Some(policy) => push_policy(b, value, root, policy),
        None => push_managed(b, value, root, attachment),
    }
}

/// Appends `{policyName, policyDocument}` from an `aws_iam_role_policy` or `aws_iam_policy`.
fn push_policy(b: &mut Builder<'_>, value: &mut Map<String, Value>, root: &Node, from: &Planned) {
    let policies = array(value, "policies", b, &from.pointer);
    let canon = join("/policies", policies.len());
    let (node, unknown) = values(root, from);
    let mut policy = b.object(POLICY, node, unknown, &At::root(&from.pointer, from.unknown.as_deref()), &canon);
    policy.entry("policyName").or_insert_with(|| Value::String(from.address.clone()));
    b.origin.insert(canon.clone(), from.pointer.clone());
    b.origin.entry(join(&canon, "policyName")).or_insert_with(|| from.pointer.clone());
    if let Some(Value::Array(policies)) = value.get_mut("policies") {
        policies.push(Value::Object(policy));
    }
}

/// Appends the `policy_arn` of an attachment that names no policy of the plan.
fn push_managed(b: &mut Builder<'_>, value: &mut Map<String, Value>, root: &Node, attachment: &Planned) {
    let at = At::root(&attachment.pointer, attachment.unknown.as_deref()).key("policy_arn");
    let canon = join("/managedPolicyArns", array(value, "managedPolicyArns", b, &at.src).len());
    let (node, unknown) = values(root, attachment);
    let node = node.and_then(|n| n.get("policy_arn"));
    let unknown = unknown.and_then(|u| u.get("policy_arn"));
    let arn = match node {
        Some(node) => b.field(super::table::Kind::Value, node, unknown, &at, &canon),
        None if unknown.is_some_and(|u| u.kind == NodeKind::Bool(true)) => Some(b.placeholder(&at, &canon)),
        None => None,
    };
    if let (Some(arn), Some(Value::Array(arns))) = (arn, value.get_mut("managedPolicyArns")) {
        arns.push(arn);
    }
}

/// The array at `key`, created (mapped to `source`) when absent.
fn array<'m>(value: &'m mut Map<String, Value>, key: &str, b: &mut Builder<'_>, source: &str) -> &'m Vec<Value> {
    b.origin.entry(join("", key)).or_insert_with(|| source.to_string());
    let entry = value.entry(key.to_string()).or_insert_with(|| Value::Array(Vec::new()));
    if !entry.is_array() {
        *entry = Value::Array(vec![entry.take()]);
    }
    static EMPTY: Vec<Value> = Vec::new();
    entry.as_array().unwrap_or(&EMPTY)
}
