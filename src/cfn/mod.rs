//! CloudFormation templates (JSON and YAML; CDK's `cdk.out/*.template.json` too): the ECS task
//! definitions, services and clusters, and the IAM roles the task definitions use, normalised
//! into the canonical API shape with a map back to the template.

mod intrinsic;
mod names;
mod normalise;
mod roles;
mod template;

use crate::input::json::{Node, NodeKind, push_segment};
use crate::model::{Format, Infra, Origin, Resource, Shape};
use crate::schema::Schema;
pub use names::template_wording;
use normalise::{Keys, Normaliser};
use serde_json::Value;
use template::Template;

/// The canonical pointer segment under which a resource's `Metadata` suppressions are mapped.
pub const METADATA: &str = "ecslint:metadata";

const TASK_DEFINITION: &str = "AWS::ECS::TaskDefinition";
const SERVICE: &str = "AWS::ECS::Service";
const TASK_SET: &str = "AWS::ECS::TaskSet";
const CLUSTER: &str = "AWS::ECS::Cluster";
const TARGET_GROUP: &str = "AWS::ElasticLoadBalancingV2::TargetGroup";
const ROLE: &str = "AWS::IAM::Role";

/// The service rules that apply to a task set (an `AWS::ECS::TaskSet` of an EXTERNAL-controller
/// service): what its network, load balancer, registry, launch type and platform version must
/// satisfy. Deployment settings, desired count and placement belong to the service.
pub const TASK_SET_RULES: [&str; 10] = [
    "ECS-COR-048",
    "ECS-COR-049",
    "ECS-COR-050",
    "ECS-COR-051",
    "ECS-COR-053",
    "ECS-COR-056",
    "ECS-COR-059",
    "ECS-COR-060",
    "ECS-SEC-024",
    "ECS-SEC-025",
];

/// The canonical resources of a template; `None` when the document is not a template.
pub fn resources(root: &Node) -> Option<Vec<Resource>> {
    let template = Template::read(root)?;
    let mut out = Vec::new();
    for (id, node) in template.resources() {
        let resource = match node.get("Type").and_then(Node::as_str) {
            Some(TASK_DEFINITION) => task_definition(&template, id, node),
            Some(SERVICE) => service(&template, id, node),
            Some(TASK_SET) => service(&template, id, node).map(|mut task_set| {
                task_set.infra.as_deref_mut().into_iter().for_each(|i| i.task_set = true);
                task_set
            }),
            Some(CLUSTER) => normalise(&template, id, node, Shape::Cluster, None).map(|(r, _)| r),
            _ => None,
        };
        out.extend(resource);
    }
    roles::gather(&template, &mut out);
    Some(out)
}

/// The template pointer of resource `id`.
fn resource_pointer(id: &str) -> String {
    let mut pointer = String::from("/Resources");
    push_segment(&mut pointer, id);
    pointer
}

/// A resource's `Properties` in the canonical shape, with the normaliser that recorded where each
/// value came from; `None` when they are not an object (an `Fn::If` over the whole resource, for
/// example: nothing is known).
fn properties<'t>(
    template: &'t Template<'t>,
    id: &str,
    node: &Node,
    schema: Option<&'static Schema>,
) -> Option<(Value, Normaliser<'t>)> {
    let at = resource_pointer(id);
    let mut n = Normaliser::new(template, schema);
    let value = match node.get("Properties") {
        Some(properties) if matches!(properties.kind, NodeKind::Object(_)) => {
            n.value(properties, n.schema_root(), Keys::Api, "", &format!("{at}/Properties"))?
        }
        Some(_) => return None,
        None => Value::Object(Default::default()),
    };
    n.map.entry(String::new()).or_insert(at);
    Some((value, n))
}

/// Normalises resource `id` into a canonical resource of `shape`, with the references to other
/// resources its values make.
fn normalise<'t>(
    template: &'t Template<'t>,
    id: &str,
    node: &Node,
    shape: Shape,
    schema: Option<&'static Schema>,
) -> Option<(Resource, Vec<(String, String)>)> {
    let (value, mut n) = properties(template, id, node, schema)?;
    let mut infra = Infra::new(Format::CloudFormation, id);
    infra.ignores = template.ignores(id);
    for (i, ignore) in infra.ignores.iter().enumerate() {
        n.map.insert(format!("/{METADATA}/{i}"), ignore.pointer.clone());
    }
    infra.assumed = n.assumed;
    let resource = Resource { shape, value, origin: Origin::mapped(n.map), infra: Some(Box::new(infra)) };
    Some((resource, n.references))
}

/// The logical ID referenced at canonical `pointer` when it is a resource of type `kind`.
fn referenced(template: &Template<'_>, references: &[(String, String)], pointer: &str, kind: &str) -> Option<String> {
    references.iter().find(|(p, id)| p == pointer && template.type_of(id) == Some(kind)).map(|(_, id)| id.clone())
}

fn task_definition(template: &Template<'_>, id: &str, node: &Node) -> Option<Resource> {
    let (mut resource, references) =
        normalise(template, id, node, Shape::RegisterRequest, Some(Schema::register_task_definition()))?;
    if let Some(infra) = resource.infra.as_deref_mut() {
        infra.task_role = referenced(template, &references, "/taskRoleArn", ROLE);
        infra.execution_role = referenced(template, &references, "/executionRoleArn", ROLE);
    }
    Some(resource)
}

fn service(template: &Template<'_>, id: &str, node: &Node) -> Option<Resource> {
    let (mut resource, references) =
        normalise(template, id, node, Shape::ServiceDefinition, Some(Schema::create_service()))?;
    // CloudFormation names the service itself when `ServiceName` is omitted.
    if crate::model::known::known_str(resource.value.get("serviceName")).is_some() {
        resource.shape = Shape::CreateService;
    }
    let balancers = resource.value.get("loadBalancers").and_then(Value::as_array).map_or(0, Vec::len);
    let target_groups: Vec<(usize, Value)> = (0..balancers)
        .filter_map(|i| {
            let group = referenced(template, &references, &format!("/loadBalancers/{i}/targetGroupArn"), TARGET_GROUP)?;
            let node = template.resource(&group)?;
            let (target_group, _) = properties(template, &group, node, None)?;
            Some((i, target_group))
        })
        .collect();
    if let Some(infra) = resource.infra.as_deref_mut() {
        infra.task_definition = referenced(template, &references, "/taskDefinition", TASK_DEFINITION);
        infra.target_groups = target_groups;
    }
    Some(resource)
}
