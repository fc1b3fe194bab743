//! Terraform plans (`terraform show -json plan.out`) as input: the task definitions, services,
//! clusters and task roles the plan deploys, in the canonical API shape.
//!
//! - Values come from `resource_changes[].change.after` (deleted resources skipped; `no-op` ones are
//!   still deployed and are linted), or from `planned_values` for a resource without a change entry.
//!   Findings point into whichever of the two the resource came from.
//! - A value unknown until the apply (`after_unknown`) is an opaque placeholder: no rule fires on
//!   it, and its pointer lands on its `after_unknown` entry. `null` is Terraform's "not set" and is
//!   omitted, as ECS would see it.
//! - Attribute names go through an explicit table ([`table`]); Terraform-only attributes are dropped.
//! - `container_definitions` and IAM policies are JSON inside strings: they are grafted into the
//!   plan's tree ([`graft`]), so their pointers resolve to the exact escaped bytes of the plan.
//! - References between resources (a task role, a service's task definition, a policy attachment)
//!   are resolved through the plan's `configuration` ([`refs`]), or by a known ARN or name.

mod convert;
mod graft;
mod plan;
mod refs;
mod roles;
mod table;
mod wording;

#[cfg(test)]
mod tests;

use crate::input::json::{Node, NodeKind};
use crate::model::known::known_str;
use crate::model::{Format, Infra, Origin, Resource, Shape, TaskDefinitionRef};
use convert::{At, Builder};
use plan::Planned;
use refs::Config;
use std::collections::BTreeMap;

pub use wording::plan_wording;

/// The canonical resources of a Terraform plan; `None` when `root` is not a plan.
///
/// `text` is the plan's source text (the one `root` was parsed from): the graft of embedded JSON
/// reads the escape sequences of the string literals from it, which the parsed tree has decoded.
pub fn resources(root: &mut Node, text: &str) -> Option<Vec<Resource>> {
    if !plan::is_plan(root) {
        return None;
    }
    let planned = plan::collect(root);
    for pointer in graft_targets(root, &planned) {
        graft::graft(root, text, &pointer);
    }
    let root = &*root;
    let config = Config::new(root);
    let mut out = Vec::new();
    let mut usage: BTreeMap<usize, roles::Usage> = BTreeMap::new();
    for p in &planned {
        match p.rtype.as_str() {
            "aws_ecs_task_definition" => out.push(task_definition(root, config, &planned, p, &mut usage)),
            "aws_ecs_service" => out.push(service(root, config, &planned, p)),
            "aws_ecs_cluster" => {
                let (value, origin) = convert(root, p, table::CLUSTER);
                out.push(resource(Shape::Cluster, value, origin, Infra::new(Format::Terraform, &p.address)));
            }
            _ => {}
        }
    }
    out.extend(roles::build(root, config, &planned, &usage));
    Some(out)
}

/// Pointers of the strings that hold JSON documents.
fn graft_targets(root: &Node, planned: &[Planned]) -> Vec<String> {
    let mut out = Vec::new();
    for p in planned {
        match p.rtype.as_str() {
            "aws_ecs_task_definition" => out.push(format!("{}/container_definitions", p.pointer)),
            "aws_iam_role" => {
                out.push(format!("{}/assume_role_policy", p.pointer));
                let inline = root.lookup(&format!("{}/inline_policy", p.pointer));
                if let Some((Node { kind: NodeKind::Array(blocks), .. }, _)) = inline {
                    out.extend((0..blocks.len()).map(|i| format!("{}/inline_policy/{i}/policy", p.pointer)));
                }
            }
            "aws_iam_role_policy" | "aws_iam_policy" => out.push(format!("{}/policy", p.pointer)),
            _ => {}
        }
    }
    out
}

/// A resource's values and their `after_unknown` mirror.
fn values<'a>(root: &'a Node, p: &Planned) -> (Option<&'a Node>, Option<&'a Node>) {
    let node = root.lookup(&p.pointer).map(|(n, _)| n);
    let unknown = p.unknown.as_deref().and_then(|u| root.lookup(u)).map(|(n, _)| n);
    (node, unknown)
}

/// A known, non-empty string attribute of a resource.
fn known<'a>(root: &'a Node, p: &Planned, attr: &str) -> Option<&'a str> {
    let value = root.lookup(&p.pointer)?.0.get(attr)?.as_str()?;
    (!value.is_empty()).then_some(value)
}

fn convert(root: &Node, p: &Planned, table: &[table::Field]) -> (serde_json::Value, Origin) {
    let (node, unknown) = values(root, p);
    let mut b = Builder::new(&p.address, &p.pointer);
    let value = b.object(table, node, unknown, &At::root(&p.pointer, p.unknown.as_deref()), "");
    (serde_json::Value::Object(value), Origin::mapped(b.origin))
}

/// The target groups of the plan that a service's load balancers name, by `loadBalancers` index.
fn target_groups(
    root: &Node,
    config: Config<'_>,
    planned: &[Planned],
    p: &Planned,
    service: &serde_json::Value,
) -> Vec<(usize, serde_json::Value)> {
    let count = service.get("loadBalancers").and_then(|l| l.as_array()).map_or(0, Vec::len);
    (0..count)
        .filter_map(|i| {
            let attr = format!("load_balancer/{i}/target_group_arn");
            let found = ["aws_lb_target_group", "aws_alb_target_group"]
                .into_iter()
                .find_map(|kind| config.resolve(planned, p, &attr, kind))
                .or_else(|| {
                    let arn = service["loadBalancers"][i]["targetGroupArn"].as_str()?;
                    planned
                        .iter()
                        .position(|t| t.rtype.ends_with("_target_group") && known(root, t, "arn") == Some(arn))
                })?;
            let (mut group, _) = convert(root, planned.get(found)?, table::TARGET_GROUP);
            // `CreateTargetGroup` keeps the health check flat: `healthCheckPort`, `healthCheckPath` ….
            if let Some(serde_json::Value::Object(check)) = group.as_object_mut().and_then(|g| g.remove("healthCheck"))
            {
                for (key, value) in check {
                    let mut chars = key.chars();
                    let key =
                        chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default();
                    group[format!("healthCheck{key}")] = value;
                }
            }
            Some((i, group))
        })
        .collect()
}

fn resource(shape: Shape, value: serde_json::Value, origin: Origin, infra: Infra) -> Resource {
    Resource { shape, value, origin, infra: Some(Box::new(infra)) }
}

fn task_definition(
    root: &Node,
    config: Config<'_>,
    planned: &[Planned],
    p: &Planned,
    usage: &mut BTreeMap<usize, roles::Usage>,
) -> Resource {
    let (value, origin) = convert(root, p, table::TASK_DEFINITION);
    let mut infra = Infra::new(Format::Terraform, &p.address);
    for attr in ["task_role_arn", "execution_role_arn"] {
        let role = config.resolve(planned, p, attr, "aws_iam_role").or_else(|| {
            let arn = known(root, p, attr)?;
            planned.iter().position(|r| r.rtype == "aws_iam_role" && roles::names_role(root, r, arn))
        });
        let Some((i, role)) = role.and_then(|i| Some((i, planned.get(i)?))) else { continue };
        let set_here = root.lookup(&format!("{}/{attr}", p.pointer)).is_some_and(|(n, _)| n.kind != NodeKind::Null);
        let source = match &p.unknown {
            Some(unknown) if !set_here => format!("{unknown}/{attr}"),
            _ => format!("{}/{attr}", p.pointer),
        };
        let uses = usage.entry(i).or_default();
        if attr == "task_role_arn" {
            infra.task_role = Some(role.address.clone());
            uses.task_role_of.push((p.address.clone(), source));
        } else {
            infra.execution_role = Some(role.address.clone());
            uses.execution_role_of.push((p.address.clone(), source));
        }
    }
    resource(Shape::RegisterRequest, value, origin, infra)
}

fn service(root: &Node, config: Config<'_>, planned: &[Planned], p: &Planned) -> Resource {
    let (mut value, origin) = convert(root, p, table::SERVICE);
    // The provider reads `iam_role` back from AWS, which reports the ECS service-linked role that
    // AWS chose itself (`/aws-service-role/ecs.amazonaws.com/…`): nobody asked for it in the request.
    if value.get("role").and_then(|r| r.as_str()).is_some_and(|r| r.contains("aws-service-role/")) {
        value.as_object_mut().map(|v| v.remove("role"));
    }
    let mut infra = Infra::new(Format::Terraform, &p.address);
    let task = config.resolve(planned, p, "task_definition", "aws_ecs_task_definition").or_else(|| {
        let named = known(root, p, "task_definition")?;
        let family = TaskDefinitionRef::parse(named).map(|r| r.family);
        planned.iter().position(|t| {
            t.rtype == "aws_ecs_task_definition"
                && (known(root, t, "arn") == Some(named)
                    || known(root, t, "arn_without_revision") == Some(named)
                    || family.as_deref().is_some_and(|f| known(root, t, "family") == Some(f)))
        })
    });
    infra.task_definition = task.and_then(|i| planned.get(i)).map(|t| t.address.clone());
    infra.target_groups = target_groups(root, config, planned, p, &value);
    let shape =
        if known_str(value.get("serviceName")).is_some() { Shape::CreateService } else { Shape::ServiceDefinition };
    resource(shape, value, origin, infra)
}
