//! Shape detection by content: which ECS document is this, and its canonical resources.

use super::json::{Node, NodeKind};
use crate::model::{Origin, Resource, Shape};
use serde_json::json;

/// Keys of a container definition, used to recognise a bare `containerDefinitions` array.
const CONTAINER_KEYS: [&str; 3] = ["name", "image", "essential"];

/// Task-definition keys that mark an object as a register request even without containers.
const TASK_KEYS: [&str; 6] =
    ["taskRoleArn", "executionRoleArn", "networkMode", "requiresCompatibilities", "cpu", "memory"];

/// Keys only a service request has (a task definition has none of them).
const SERVICE_KEYS: [&str; 15] = [
    "desiredCount",
    "launchType",
    "loadBalancers",
    "networkConfiguration",
    "deploymentConfiguration",
    "capacityProviderStrategy",
    "schedulingStrategy",
    "serviceRegistries",
    "deploymentController",
    "placementStrategy",
    "enableExecuteCommand",
    "serviceConnectConfiguration",
    "healthCheckGracePeriodSeconds",
    "platformVersion",
    "propagateTags",
];

/// The canonical resources in a parsed document; empty when it is not an ECS document.
pub fn detect(root: &Node) -> Vec<Resource> {
    match &root.kind {
        NodeKind::Object(_) => match detect_services(root) {
            Some(services) => services,
            None => detect_object(root).into_iter().collect(),
        },
        NodeKind::Array(items) if is_container_array(items) => vec![Resource {
            shape: Shape::ContainerArray,
            value: json!({ "containerDefinitions": root.to_value() }),
            origin: Origin::new("/containerDefinitions", ""),
            infra: None,
        }],
        _ => Vec::new(),
    }
}

fn detect_object(root: &Node) -> Option<Resource> {
    if let Some(inner) = root.get("taskDefinition").filter(|n| is_task_definition(n)) {
        return Some(Resource {
            shape: Shape::DescribeOutput,
            value: inner.to_value(),
            origin: Origin::new("", "/taskDefinition"),
            infra: None,
        });
    }
    is_task_definition(root).then(|| Resource {
        shape: Shape::RegisterRequest,
        value: root.to_value(),
        origin: Origin::default(),
        infra: None,
    })
}

/// `describe-services` output, or one service request or definition.
fn detect_services(root: &Node) -> Option<Vec<Resource>> {
    if let Some(NodeKind::Array(items)) = root.get("services").map(|n| &n.kind) {
        let described = |n: &Node| n.get("serviceName").is_some() || n.get("serviceArn").is_some();
        if !items.is_empty() && items.iter().all(described) {
            let resources = items.iter().enumerate().map(|(i, item)| Resource {
                shape: Shape::DescribeServices,
                value: item.to_value(),
                origin: Origin::new("", format!("/services/{i}")),
                infra: None,
            });
            return Some(resources.collect());
        }
    }
    if is_task_definition(root) {
        return None;
    }
    let service_keys = SERVICE_KEYS.iter().filter(|k| root.get(k).is_some()).count();
    let named = |key: &str| matches!(root.get(key).map(|n| &n.kind), Some(NodeKind::String(_)));
    let shape = if named("serviceName") && (service_keys > 0 || root.get("taskDefinition").is_some()) {
        Shape::CreateService
    } else if named("service") && (service_keys > 0 || root.get("taskDefinition").is_some()) {
        Shape::UpdateService
    } else if service_keys >= 2 {
        Shape::ServiceDefinition
    } else {
        return None;
    };
    Some(vec![Resource::api(shape, root.to_value(), Origin::default())])
}

fn is_task_definition(node: &Node) -> bool {
    if node.get("containerDefinitions").is_some() {
        return true;
    }
    node.get("family").is_some() && TASK_KEYS.iter().any(|k| node.get(k).is_some())
}

fn is_container_array(items: &[Node]) -> bool {
    !items.is_empty()
        && items.iter().all(|item| CONTAINER_KEYS.iter().any(|k| item.get(k).is_some()))
        && items.iter().any(|item| item.get("image").is_some())
        && items.iter().all(|item| item.get("value").is_none())
}

/// Fields `describe-task-definition` returns that `register-task-definition` rejects.
pub const READ_ONLY_FIELDS: [&str; 8] = [
    "taskDefinitionArn",
    "revision",
    "status",
    "requiresAttributes",
    "compatibilities",
    "registeredAt",
    "registeredBy",
    "deregisteredAt",
];

/// True when the canonical value still carries describe-task-definition fields.
pub fn has_read_only_fields(value: &serde_json::Value) -> bool {
    value.as_object().is_some_and(|m| m.keys().any(|k| READ_ONLY_FIELDS.contains(&k.as_str())))
}

/// Fields `describe-services` returns that `create-service` rejects (the botocore 1.44.5 `Service`
/// shape's members that `CreateServiceRequest` lacks).
pub const SERVICE_READ_ONLY_FIELDS: [&str; 15] = [
    "serviceArn",
    "clusterArn",
    "status",
    "runningCount",
    "pendingCount",
    "taskSets",
    "deployments",
    "roleArn",
    "events",
    "createdAt",
    "createdBy",
    "platformFamily",
    "currentServiceDeployment",
    "currentServiceRevisions",
    "resourceManagementType",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::json::parse;

    fn shapes(text: &str) -> Vec<Shape> {
        detect(&parse(text, 0).unwrap().root).into_iter().map(|r| r.shape).collect()
    }

    #[test]
    fn recognises_each_shape_by_content() {
        assert_eq!(shapes(r#"{"family": "a", "containerDefinitions": []}"#), [Shape::RegisterRequest]);
        assert_eq!(
            shapes(r#"{"taskDefinition": {"family": "a", "containerDefinitions": []}}"#),
            [Shape::DescribeOutput]
        );
        assert_eq!(shapes(r#"[{"name": "a", "image": "nginx"}]"#), [Shape::ContainerArray]);
        assert_eq!(shapes(r#"{"family": "a", "cpu": "256"}"#), [Shape::RegisterRequest]);
    }

    #[test]
    fn recognises_services() {
        assert_eq!(
            shapes(r#"{"serviceName": "web", "taskDefinition": "web:3", "desiredCount": 2}"#),
            [Shape::CreateService]
        );
        assert_eq!(shapes(r#"{"service": "web", "desiredCount": 2}"#), [Shape::UpdateService]);
        assert_eq!(shapes(r#"{"launchType": "FARGATE", "desiredCount": 2}"#), [Shape::ServiceDefinition]);
        assert_eq!(
            shapes(
                r#"{"services": [{"serviceName": "a"}, {"serviceArn": "arn:x", "serviceName": "b"}], "failures": []}"#
            ),
            [Shape::DescribeServices, Shape::DescribeServices]
        );
        assert!(shapes(r#"{"desiredCount": 2}"#).is_empty());
    }

    #[test]
    fn ignores_other_json() {
        assert!(shapes(r#"{"name": "my-package", "version": "1.0.0"}"#).is_empty());
        assert!(shapes(r#"[{"name": "PORT", "value": "80"}]"#).is_empty());
        assert!(shapes(r#"[1, 2]"#).is_empty());
        assert!(shapes(r#"{"family": "serif"}"#).is_empty());
    }
}
