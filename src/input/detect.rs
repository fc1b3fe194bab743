//! Shape detection by content: which ECS document is this, and its canonical resources.

use super::json::{Node, NodeKind};
use crate::model::{Origin, Resource, Shape};
use serde_json::{Value, json};

/// Keys of a container definition, used to recognise a bare `containerDefinitions` array.
const CONTAINER_KEYS: [&str; 3] = ["name", "image", "essential"];

/// Task-definition keys that mark an object as a register request even without containers.
const TASK_KEYS: [&str; 6] =
    ["taskRoleArn", "executionRoleArn", "networkMode", "requiresCompatibilities", "cpu", "memory"];

/// The canonical resources in a parsed document; empty when it is not an ECS document.
pub fn detect(root: &Node) -> Vec<Resource> {
    match &root.kind {
        NodeKind::Object(_) => detect_object(root).into_iter().collect(),
        NodeKind::Array(items) if is_container_array(items) => vec![Resource {
            shape: Shape::ContainerArray,
            value: json!({ "containerDefinitions": root.to_value() }),
            origin: Origin::new("/containerDefinitions", ""),
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
        });
    }
    is_task_definition(root).then(|| Resource {
        shape: Shape::RegisterRequest,
        value: root.to_value(),
        origin: Origin::default(),
    })
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

pub fn is_read_only_field(key: &str) -> bool {
    READ_ONLY_FIELDS.contains(&key)
}

/// True when the canonical value still carries describe-output fields.
pub fn has_read_only_fields(value: &Value) -> bool {
    value.as_object().is_some_and(|m| m.keys().any(|k| is_read_only_field(k)))
}

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
    fn ignores_other_json() {
        assert!(shapes(r#"{"name": "my-package", "version": "1.0.0"}"#).is_empty());
        assert!(shapes(r#"[{"name": "PORT", "value": "80"}]"#).is_empty());
        assert!(shapes(r#"[1, 2]"#).is_empty());
        assert!(shapes(r#"{"family": "serif"}"#).is_empty());
    }
}
