//! The IAM roles the template's task definitions use, gathered into the canonical role shape
//! (`crate::model::Role`): trust policy, inline policies, `AWS::IAM::Policy` /
//! `AWS::IAM::ManagedPolicy` / `AWS::IAM::RolePolicy` resources attached to the role, and
//! managed policy ARNs.

use super::intrinsic;
use super::normalise::{Keys, Normaliser};
use super::resource_pointer;
use super::template::Template;
use crate::input::json::{Node, NodeKind};
use crate::model::{Format, Infra, Origin, Resource, Shape, join};
use serde_json::{Map, Value, json};

/// Policy resources that attach to roles, and the property naming the policy.
const POLICY_TYPES: [(&str, &str); 3] = [
    ("AWS::IAM::Policy", "PolicyName"),
    ("AWS::IAM::ManagedPolicy", "ManagedPolicyName"),
    ("AWS::IAM::RolePolicy", "PolicyName"),
];

/// Adds a `Shape::Role` resource for every role of the template a task definition uses.
pub fn gather(template: &Template<'_>, resources: &mut Vec<Resource>) {
    let mut used: Vec<String> = Vec::new();
    for infra in resources.iter().filter(|r| r.shape.is_task_definition()).filter_map(|r| r.infra.as_deref()) {
        for id in [&infra.task_role, &infra.execution_role].into_iter().flatten() {
            if !used.contains(id) {
                used.push(id.clone());
            }
        }
    }
    for id in used {
        resources.extend(role(template, &id));
    }
    crate::iam::usage::attach_usage(resources);
}

fn role(template: &Template<'_>, id: &str) -> Option<Resource> {
    let node = template.resource(id)?;
    let at = format!("{}/Properties", resource_pointer(id));
    let properties = node.get("Properties");
    let mut n = Normaliser::new(template, None);
    let mut value = Map::new();
    value.insert("roleName".into(), Value::String(id.to_string()));
    n.map.insert(String::new(), resource_pointer(id));
    n.map.insert("/roleName".into(), resource_pointer(id));
    if let Some(trust) = properties.and_then(|p| p.get("AssumeRolePolicyDocument")) {
        let document = n.value(
            trust,
            None,
            Keys::Verbatim,
            "/assumeRolePolicyDocument",
            &format!("{at}/AssumeRolePolicyDocument"),
        );
        value.extend(document.map(|d| ("assumeRolePolicyDocument".to_string(), d)));
    }
    let mut policies = Vec::new();
    if let Some(NodeKind::Array(inline)) = properties.and_then(|p| p.get("Policies")).map(|p| &p.kind) {
        for (i, policy) in inline.iter().enumerate() {
            let source = join(&join(&at, "Policies"), i);
            policies.extend(policy_entry(&mut n, policy, policies.len(), &source, "PolicyName"));
        }
    }
    let mut managed = Vec::new();
    if let Some(NodeKind::Array(arns)) = properties.and_then(|p| p.get("ManagedPolicyArns")).map(|p| &p.kind) {
        for (i, arn) in arns.iter().enumerate() {
            let source = join(&join(&at, "ManagedPolicyArns"), i);
            // `!Ref SomeManagedPolicy` attaches a policy of this template: read its document.
            if let Some(("Ref", target)) = intrinsic::call(arn).map(|(f, a)| (f, a.as_str()))
                && let Some(target) = target.filter(|t| template.type_of(t) == Some("AWS::IAM::ManagedPolicy"))
                && let Some(policy) = template.resource(target).and_then(|r| r.get("Properties"))
            {
                let source = format!("{}/Properties", resource_pointer(target));
                policies.extend(policy_entry(&mut n, policy, policies.len(), &source, "ManagedPolicyName"));
                continue;
            }
            let canonical = format!("/managedPolicyArns/{}", managed.len());
            managed.extend(n.value(arn, None, Keys::Verbatim, &canonical, &source));
        }
    }
    for (other, resource) in template.resources() {
        let kind = resource.get("Type").and_then(Node::as_str);
        let Some((_, name_key)) = POLICY_TYPES.iter().find(|(t, _)| Some(*t) == kind) else { continue };
        let Some(policy) = resource.get("Properties") else { continue };
        if !attaches_to(policy, id) {
            continue;
        }
        let source = format!("{}/Properties", resource_pointer(other));
        policies.extend(policy_entry(&mut n, policy, policies.len(), &source, name_key));
    }
    value.insert("policies".into(), Value::Array(policies));
    value.insert("managedPolicyArns".into(), Value::Array(managed));
    let infra = Infra::new(Format::CloudFormation, id);
    Some(Resource {
        shape: Shape::Role,
        value: Value::Object(value),
        origin: Origin::mapped(n.map),
        infra: Some(Box::new(infra)),
    })
}

/// `{policyName, policyDocument}` of an inline policy or policy resource at `source`.
fn policy_entry(n: &mut Normaliser<'_>, policy: &Node, index: usize, source: &str, name_key: &str) -> Option<Value> {
    let canonical = format!("/policies/{index}");
    n.map.insert(canonical.clone(), source.to_string());
    let name = policy.get(name_key).and_then(Node::as_str).unwrap_or_default();
    let document = policy.get("PolicyDocument")?;
    let document = n.value(
        document,
        None,
        Keys::Verbatim,
        &format!("{canonical}/policyDocument"),
        &join(source, "PolicyDocument"),
    )?;
    n.map.insert(format!("{canonical}/policyName"), join(source, name_key));
    Some(json!({ "policyName": name, "policyDocument": document }))
}

/// Whether a policy resource's `Roles` (or `RoleName`) names role `id` by `Ref`.
fn attaches_to(policy: &Node, id: &str) -> bool {
    let is_ref = |n: &Node| matches!(intrinsic::call(n), Some(("Ref", target)) if target.as_str() == Some(id));
    match policy.get("Roles").map(|r| &r.kind) {
        Some(NodeKind::Array(roles)) => roles.iter().any(is_ref),
        _ => policy.get("RoleName").is_some_and(is_ref),
    }
}
