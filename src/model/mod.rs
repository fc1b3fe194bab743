//! The canonical model: every input shape becomes the AWS API request shape (camelCase
//! `RegisterTaskDefinition`), plus an origin that maps canonical pointers back to the source.

mod container;
pub mod known;
pub mod redact;
mod service;
mod task_definition;

pub use container::Container;
pub use service::{Service, TaskDefinitionRef};
pub use task_definition::{TaskDefinition, TaskSize};

use serde_json::Value;

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
}

impl Shape {
    pub fn is_service(self) -> bool {
        matches!(self, Shape::CreateService | Shape::UpdateService | Shape::DescribeServices | Shape::ServiceDefinition)
    }
}

/// Maps canonical pointers (what rules report) to pointers into the source document as written.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    canonical_prefix: String,
    source_prefix: String,
}

impl Origin {
    pub fn new(canonical_prefix: impl Into<String>, source_prefix: impl Into<String>) -> Self {
        Self { canonical_prefix: canonical_prefix.into(), source_prefix: source_prefix.into() }
    }

    /// The source pointer for a canonical one; parts the source lacks map to the resource's root.
    pub fn to_source(&self, canonical: &str) -> String {
        match canonical.strip_prefix(self.canonical_prefix.as_str()) {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => {
                format!("{}{rest}", self.source_prefix)
            }
            _ => self.source_prefix.clone(),
        }
    }
}

/// One canonical ECS resource found in a document.
#[derive(Debug, Clone)]
pub struct Resource {
    pub shape: Shape,
    pub value: Value,
    pub origin: Origin,
}

impl Resource {
    pub fn task_definition(&self) -> TaskDefinition<'_> {
        TaskDefinition::new(&self.value, self.shape)
    }

    pub fn service(&self) -> Service<'_> {
        Service::new(&self.value, self.shape)
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
}
