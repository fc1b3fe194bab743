//! The canonical model: every input shape becomes the AWS API request shape (camelCase
//! `RegisterTaskDefinition`), plus an origin that maps canonical pointers back to the source.

mod cluster;
mod container;
pub mod known;
pub mod redact;
mod role;
mod service;
mod task_definition;
pub mod wording;

pub use cluster::Cluster;
pub use container::Container;
pub use role::Role;
pub use service::{Service, TaskDefinitionRef};
pub use task_definition::{TaskDefinition, TaskSize};

use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;

/// The document shape a resource was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `register-task-definition --cli-input-json` (or an unwrapped describe output).
    RegisterRequest,
    /// `describe-task-definition` output, `{"taskDefinition": {...}}`.
    DescribeOutput,
    /// A bare `containerDefinitions` array (Terraform's `container_definitions`).
    ContainerArray,
    /// `create-service --cli-input-json`.
    CreateService,
    /// `update-service --cli-input-json` (names the service with `service`).
    UpdateService,
    /// One element of `describe-services` output, `{"services": [...]}`.
    DescribeServices,
    /// A service definition without a name, as deploy tools keep it (ecspresso's
    /// `ecs-service-def.json`): the tool supplies `serviceName` and `taskDefinition`.
    ServiceDefinition,
    /// An ECS cluster (`AWS::ECS::Cluster`, `aws_ecs_cluster`) in the `CreateCluster` request shape.
    Cluster,
    /// An IAM role a task definition uses, with its policies gathered from the template or plan
    /// (see [`Role`] for the canonical shape).
    Role,
}

impl Shape {
    pub fn is_service(self) -> bool {
        matches!(self, Shape::CreateService | Shape::UpdateService | Shape::DescribeServices | Shape::ServiceDefinition)
    }

    pub fn is_task_definition(self) -> bool {
        matches!(self, Shape::RegisterRequest | Shape::DescribeOutput | Shape::ContainerArray)
    }
}

/// Maps canonical pointers (what rules report) to pointers into the source document as written.
#[derive(Debug, Clone)]
pub enum Origin {
    /// The canonical resource is the source below a prefix (API-shaped JSON files).
    Prefix { canonical_prefix: String, source_prefix: String },
    /// Renamed fields (CloudFormation PascalCase, Terraform snake_case): every canonical pointer
    /// the normaliser produced, with the source pointer it came from.
    Mapped(Arc<HashMap<String, String>>),
}

impl Default for Origin {
    fn default() -> Self {
        Self::new("", "")
    }
}

impl Origin {
    pub fn new(canonical_prefix: impl Into<String>, source_prefix: impl Into<String>) -> Self {
        Self::Prefix { canonical_prefix: canonical_prefix.into(), source_prefix: source_prefix.into() }
    }

    pub fn mapped(map: HashMap<String, String>) -> Self {
        Self::Mapped(Arc::new(map))
    }

    /// The source pointer for a canonical one; parts the source lacks map to the nearest
    /// ancestor it has (the resource's root at worst).
    pub fn to_source(&self, canonical: &str) -> String {
        match self {
            Self::Prefix { canonical_prefix, source_prefix } => match canonical.strip_prefix(canonical_prefix.as_str())
            {
                Some(rest) if rest.is_empty() || rest.starts_with('/') => format!("{source_prefix}{rest}"),
                _ => source_prefix.clone(),
            },
            Self::Mapped(map) => {
                let mut pointer = canonical;
                loop {
                    if let Some(source) = map.get(pointer) {
                        return source.clone();
                    }
                    match pointer.rfind('/') {
                        Some(i) => pointer = &pointer[..i],
                        None => return map.get("").cloned().unwrap_or_default(),
                    }
                }
            }
        }
    }
}

/// Where a resource was written: an API-shaped file, or infrastructure code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    CloudFormation,
    Terraform,
}

/// What a resource of a template or plan carries beyond its canonical value.
#[derive(Debug, Clone)]
pub struct Infra {
    pub format: Format,
    /// The logical ID (`TaskDef`) or the resource address (`module.app.aws_ecs_service.web`).
    pub id: String,
    /// For a service: the ID of the task definition it runs, when it is in the same file.
    pub task_definition: Option<String>,
    /// An `AWS::ECS::TaskSet`, checked as a service by the rules that apply to task sets.
    pub task_set: bool,
    /// For a task definition: the IDs of its task role and execution role, when they are roles
    /// of the same file.
    pub task_role: Option<String>,
    pub execution_role: Option<String>,
    /// Values taken from a parameter's `Default` (canonical pointer, parameter name): a finding on
    /// them says so, since a deployment may pass another value.
    pub assumed: Vec<(String, String)>,
    /// Suppressions from the template's `Metadata: {ecslint: {ignore: [...]}}`.
    pub ignores: Vec<MetadataIgnore>,
    /// For a service: the load-balancer target groups of the same file, by `loadBalancers` index,
    /// in the canonical `CreateTargetGroup` shape (`targetType`, `port`, `healthCheckPort` …).
    pub target_groups: Vec<(usize, Value)>,
}

impl Infra {
    pub fn new(format: Format, id: impl Into<String>) -> Self {
        Self {
            format,
            id: id.into(),
            task_definition: None,
            task_set: false,
            task_role: None,
            execution_role: None,
            assumed: Vec::new(),
            ignores: Vec::new(),
            target_groups: Vec::new(),
        }
    }
}

/// One `{rule, reason}` of a template's `Metadata.ecslint.ignore`, with its source pointer.
#[derive(Debug, Clone)]
pub struct MetadataIgnore {
    pub rule: String,
    pub reason: String,
    pub pointer: String,
    /// From the template's own `Metadata`: it covers every resource, so one resource cannot
    /// tell that it is unused.
    pub template_wide: bool,
}

/// One canonical ECS resource found in a document.
#[derive(Debug, Clone)]
pub struct Resource {
    pub shape: Shape,
    pub value: Value,
    pub origin: Origin,
    /// Set for resources of CloudFormation templates and Terraform plans (boxed: plain JSON
    /// files, the common case, pay one pointer).
    pub infra: Option<Box<Infra>>,
}

impl Resource {
    /// A resource of an API-shaped JSON file.
    pub fn api(shape: Shape, value: Value, origin: Origin) -> Self {
        Self { shape, value, origin, infra: None }
    }

    pub fn task_definition(&self) -> TaskDefinition<'_> {
        TaskDefinition::new(&self.value, self.shape).with_infra(self.infra.as_deref())
    }

    pub fn service(&self) -> Service<'_> {
        Service::new(&self.value, self.shape).with_infra(self.infra.as_deref())
    }

    pub fn role(&self) -> Role<'_> {
        Role::new(&self.value)
    }

    pub fn cluster(&self) -> Cluster<'_> {
        Cluster::new(&self.value).with_id(self.infra.as_deref().map(|i| i.id.as_str()))
    }
}

/// Appends an RFC 6901 segment to a pointer.
pub fn join(pointer: &str, segment: impl std::fmt::Display) -> String {
    let mut out = pointer.to_string();
    crate::input::json::push_segment(&mut out, &segment.to_string());
    out
}

#[cfg(test)]
mod tests {
    use super::Origin;

    #[test]
    fn origin_maps_prefixes() {
        let array = Origin::new("/containerDefinitions", "");
        assert_eq!(array.to_source("/containerDefinitions/0/image"), "/0/image");
        assert_eq!(array.to_source("/family"), "");
        assert_eq!(array.to_source("/containerDefinitionsX"), "");
        let wrapped = Origin::new("", "/taskDefinition");
        assert_eq!(wrapped.to_source("/cpu"), "/taskDefinition/cpu");
        assert_eq!(wrapped.to_source(""), "/taskDefinition");
    }

    #[test]
    fn mapped_origin_falls_back_to_the_nearest_ancestor() {
        let map = [
            ("", "/Resources/T/Properties"),
            ("/containerDefinitions/0", "/Resources/T/Properties/ContainerDefinitions/0"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let origin = Origin::mapped(map);
        assert_eq!(origin.to_source("/containerDefinitions/0/user"), "/Resources/T/Properties/ContainerDefinitions/0");
        assert_eq!(origin.to_source("/cpu"), "/Resources/T/Properties");
    }
}
