//! A template's parts the normaliser needs: parameters, resources by logical ID, metadata.

use crate::input::json::{Node, NodeKind};
use crate::model::MetadataIgnore;
use std::collections::HashMap;

/// Parameter types whose `Default` is the value itself. SSM parameter types
/// (`AWS::SSM::Parameter::Value<String>`) default to a parameter *name*, and list types to a
/// comma-separated string: neither is a value a rule can use.
const VALUE_PARAMETER_TYPES: [&str; 2] = ["String", "Number"];

pub struct Template<'a> {
    pub root: &'a Node,
    parameters: HashMap<&'a str, &'a Node>,
    resources: Vec<(&'a str, &'a Node)>,
}

impl<'a> Template<'a> {
    /// `None` when the document is not a CloudFormation template: `AWSTemplateFormatVersion`, or
    /// `Resources` holding at least one `AWS::…` type.
    pub fn read(root: &'a Node) -> Option<Self> {
        let resources: Vec<(&str, &Node)> = match root.get("Resources").map(|r| &r.kind) {
            Some(NodeKind::Object(members)) => members.iter().map(|m| (m.key.as_str(), &m.value)).collect(),
            _ => Vec::new(),
        };
        let typed = resources.iter().any(|(_, r)| r.get("Type").and_then(Node::as_str).is_some_and(is_aws_type));
        if root.get("AWSTemplateFormatVersion").is_none() && !typed {
            return None;
        }
        let parameters = match root.get("Parameters").map(|p| &p.kind) {
            Some(NodeKind::Object(members)) => members.iter().map(|m| (m.key.as_str(), &m.value)).collect(),
            _ => HashMap::new(),
        };
        Some(Self { root, parameters, resources })
    }

    /// Resources in template order: (logical ID, resource node).
    pub fn resources(&self) -> impl Iterator<Item = (&'a str, &'a Node)> + '_ {
        self.resources.iter().copied()
    }

    pub fn resource(&self, id: &str) -> Option<&'a Node> {
        self.resources.iter().find(|(rid, _)| *rid == id).map(|(_, node)| *node)
    }

    /// The `Type` of resource `id`.
    pub fn type_of(&self, id: &str) -> Option<&'a str> {
        self.resource(id)?.get("Type")?.as_str()
    }

    pub fn is_parameter(&self, name: &str) -> bool {
        self.parameters.contains_key(name)
    }

    /// A parameter's `Default` when it is a plain value (see [`VALUE_PARAMETER_TYPES`]).
    pub fn parameter_default(&self, name: &str) -> Option<&'a Node> {
        let parameter = self.parameters.get(name)?;
        let kind = parameter.get("Type").and_then(Node::as_str)?;
        if !VALUE_PARAMETER_TYPES.contains(&kind) {
            return None;
        }
        parameter.get("Default").filter(|d| matches!(d.kind, NodeKind::String(_) | NodeKind::Number(_)))
    }

    /// `Metadata.ecslint.ignore` entries of the template and of resource `id`, with source pointers.
    pub fn ignores(&self, id: &str) -> Vec<MetadataIgnore> {
        let mut out = read_ignores(self.root, "");
        if let Some(resource) = self.resource(id) {
            let mut pointer = String::from("/Resources");
            crate::input::json::push_segment(&mut pointer, id);
            out.extend(read_ignores(resource, &pointer));
        }
        out
    }
}

fn is_aws_type(name: &str) -> bool {
    name.starts_with("AWS::")
}

/// `Metadata: {ecslint: {ignore: [{rule, reason}]}}` under `node` (at source pointer `at`).
fn read_ignores(node: &Node, at: &str) -> Vec<MetadataIgnore> {
    let Some(NodeKind::Array(items)) =
        node.get("Metadata").and_then(|m| m.get("ecslint")).and_then(|e| e.get("ignore")).map(|i| &i.kind)
    else {
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| MetadataIgnore {
            rule: item.get("rule").and_then(Node::as_str).unwrap_or_default().to_string(),
            reason: item.get("reason").and_then(Node::as_str).unwrap_or_default().to_string(),
            pointer: format!("{at}/Metadata/ecslint/ignore/{i}"),
            template_wide: at.is_empty(),
        })
        .collect()
}
