//! One CloudFormation value → its canonical API value, recording for every canonical pointer the
//! template pointer it came from. Names are mapped with the API schema (see `names`), scalars are
//! coerced the way CloudFormation coerces them (`"256"` for an integer, `"true"` for a boolean,
//! `512` for a string), and intrinsics become opaque.

use super::intrinsic;
use super::names::api_name;
use super::template::Template;
use crate::input::json::{Node, NodeKind};
use crate::model::join;
use crate::model::known::is_opaque;
use crate::schema::Schema;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// How object keys are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// Resource properties: PascalCase CloudFormation names → API names.
    Api,
    /// User data and IAM policy documents: keys kept as written.
    Verbatim,
}

pub struct Normaliser<'t> {
    template: &'t Template<'t>,
    schema: Option<&'static Schema>,
    /// Canonical pointer → template pointer.
    pub map: HashMap<String, String>,
    /// Values taken from a parameter's `Default`: (canonical pointer, parameter name).
    pub assumed: Vec<(String, String)>,
    /// `Ref` / `Fn::GetAtt` to resources of the template: (canonical pointer, logical ID).
    pub references: Vec<(String, String)>,
}

impl<'t> Normaliser<'t> {
    pub fn new(template: &'t Template<'t>, schema: Option<&'static Schema>) -> Self {
        Self { template, schema, map: HashMap::new(), assumed: Vec::new(), references: Vec::new() }
    }

    /// The schema's root node, where a resource's properties start.
    pub fn schema_root(&self) -> Option<&'static Value> {
        self.schema.map(Schema::root)
    }

    /// The canonical value of `node` (template pointer `source`) at canonical pointer `canonical`;
    /// `None` when it is absent (`Ref: AWS::NoValue`).
    pub fn value(
        &mut self,
        node: &Node,
        schema: Option<&'static Value>,
        keys: Keys,
        canonical: &str,
        source: &str,
    ) -> Option<Value> {
        let schema = match (self.schema, schema) {
            (Some(document), Some(node)) => Some(document.resolve(node)),
            _ => None,
        };
        self.map.insert(canonical.to_string(), source.to_string());
        if let Some((name, argument)) = intrinsic::call(node) {
            return self.intrinsic(name, argument, schema, keys, canonical, source);
        }
        Some(match &node.kind {
            NodeKind::Object(members) => {
                let properties = schema.and_then(|s| s.get("properties")).and_then(Value::as_object);
                let known: Vec<&str> = properties.map(|p| p.keys().map(String::as_str).collect()).unwrap_or_default();
                let values = schema.and_then(|s| s.get("additionalProperties")).filter(|a| a.is_object());
                let verbatim = keys == Keys::Verbatim || (properties.is_none() && values.is_some());
                let mut out = Map::new();
                for member in members {
                    let name = if verbatim { Some(member.key.clone()) } else { api_name(&member.key, &known) };
                    let Some(name) = name else { continue };
                    let child = properties.and_then(|p| p.get(&name)).or(values);
                    let (c, s) = (join(canonical, &name), join(source, &member.key));
                    if let Some(v) = self.value(&member.value, child, keys, &c, &s) {
                        out.insert(name, v);
                    }
                }
                Value::Object(out)
            }
            NodeKind::Array(items) => {
                let item_schema = schema.and_then(|s| s.get("items"));
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let (c, s) = (join(canonical, out.len()), join(source, i));
                    if let Some(v) = self.value(item, item_schema, keys, &c, &s) {
                        out.push(v);
                    }
                }
                // A list of objects with an element known only at deploy time (`!If [Cond, {…},
                // !Ref AWS::NoValue]`) is unknown as a whole: which containers, ports or secrets
                // it holds decides what other rules may say about it.
                let objects = item_schema
                    .and_then(|s| self.schema.map(|d| d.resolve(s)))
                    .is_some_and(|s| s.get("type").and_then(Value::as_str) == Some("object"));
                match out.iter().find(|v| is_opaque(v)) {
                    Some(Value::String(unknown)) if objects => Value::String(unknown.clone()),
                    _ => Value::Array(out),
                }
            }
            _ => coerce(node.to_value(), schema),
        })
    }

    fn intrinsic(
        &mut self,
        name: &str,
        argument: &Node,
        schema: Option<&'static Value>,
        keys: Keys,
        canonical: &str,
        source: &str,
    ) -> Option<Value> {
        match (name, &argument.kind) {
            ("Ref", NodeKind::String(target)) if target == "AWS::NoValue" => return None,
            ("Ref", NodeKind::String(target)) => {
                if let Some(default) = self.template.parameter_default(target) {
                    self.assumed.push((canonical.to_string(), target.clone()));
                    return Some(coerce(default.to_value(), schema));
                }
                if !self.template.is_parameter(target) && self.template.resource(target).is_some() {
                    self.references.push((canonical.to_string(), target.clone()));
                }
            }
            ("Fn::GetAtt", _) => {
                if let Some((id, _)) = intrinsic::get_att(argument) {
                    self.references.push((canonical.to_string(), id.to_string()));
                }
            }
            ("Fn::Sub", NodeKind::String(text)) => {
                let text = intrinsic::substitute(text);
                return Some(if text.contains("${") {
                    Value::String(text)
                } else {
                    coerce(Value::String(text), schema)
                });
            }
            ("Fn::If", NodeKind::Array(items)) if items.len() == 3 => {
                // Either branch may deploy: a value is known only when both give the same one.
                let marks = (self.assumed.len(), self.references.len());
                let a = self.value(&items[1], schema, keys, canonical, &join(source, 1));
                let b = self.value(&items[2], schema, keys, canonical, &join(source, 2));
                self.map.insert(canonical.to_string(), source.to_string());
                if a == b && a.is_some() {
                    return a;
                }
                self.assumed.truncate(marks.0);
                self.references.truncate(marks.1);
            }
            _ => {}
        }
        // The source pointer of the whole call: the `{"Ref": …}` object, or the YAML tag.
        Some(Value::String(intrinsic::placeholder(name, argument)))
    }
}

/// CloudFormation's scalar coercion towards the type the API schema wants.
fn coerce(value: Value, schema: Option<&Value>) -> Value {
    let Some(kind) = schema.and_then(|s| s.get("type")).and_then(Value::as_str) else { return value };
    match (kind, &value) {
        ("integer", Value::String(s)) => s.trim().parse::<i64>().map_or(value, Value::from),
        ("number", Value::String(s)) => {
            s.trim().parse::<f64>().ok().and_then(serde_json::Number::from_f64).map_or(value, Value::Number)
        }
        ("boolean", Value::String(s)) if s.eq_ignore_ascii_case("true") => Value::Bool(true),
        ("boolean", Value::String(s)) if s.eq_ignore_ascii_case("false") => Value::Bool(false),
        ("string", Value::Number(n)) => Value::String(n.to_string()),
        ("string", Value::Bool(b)) => Value::String(b.to_string()),
        _ => value,
    }
}
