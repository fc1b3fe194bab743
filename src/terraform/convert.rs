//! Applies the mapping table to one resource's values: canonical value plus the origin entry of
//! every canonical pointer produced. `after_unknown` is walked alongside: a value unknown until the
//! apply becomes an opaque placeholder; `null` (Terraform's "not set") is omitted.

use super::table::{Field, Kind};
use crate::input::json::{Node, NodeKind};
use crate::model::join;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Where a value is: in the values object, in its `after_unknown` mirror, and as a Terraform path.
#[derive(Debug, Clone)]
pub(super) struct At {
    pub src: String,
    pub unknown: Option<String>,
    /// `network_configuration[0].subnets`, for placeholders.
    pub tf: String,
}

impl At {
    pub fn root(src: &str, unknown: Option<&str>) -> Self {
        Self { src: src.to_string(), unknown: unknown.map(str::to_string), tf: String::new() }
    }

    pub fn key(&self, key: &str) -> Self {
        let tf = if self.tf.is_empty() { key.to_string() } else { format!("{}.{key}", self.tf) };
        Self { src: join(&self.src, key), unknown: self.unknown.as_deref().map(|u| join(u, key)), tf }
    }

    pub fn index(&self, i: usize) -> Self {
        Self {
            src: join(&self.src, i),
            unknown: self.unknown.as_deref().map(|u| join(u, i)),
            tf: format!("{}[{i}]", self.tf),
        }
    }
}

/// Builds one canonical resource and its origin map.
pub(super) struct Builder<'a> {
    /// The resource address, named in placeholders.
    pub address: &'a str,
    pub origin: HashMap<String, String>,
}

impl<'a> Builder<'a> {
    pub fn new(address: &'a str, root_source: &str) -> Self {
        Self { address, origin: HashMap::from([(String::new(), root_source.to_string())]) }
    }

    /// Converts the attributes of one object through `table` into the canonical object at `canon`.
    pub fn object(
        &mut self,
        table: &[Field],
        node: Option<&Node>,
        unknown: Option<&Node>,
        at: &At,
        canon: &str,
    ) -> Map<String, Value> {
        let mut out = Map::new();
        for field in table {
            let at = at.key(field.tf);
            let leaf = field.to.iter().fold(canon.to_string(), |p, s| join(&p, s));
            let unknown = unknown.and_then(|u| u.get(field.tf));
            let value = if is_true(unknown) {
                Some(self.placeholder(&at, &leaf))
            } else {
                node.and_then(|n| n.get(field.tf)).and_then(|node| self.field(field.kind, node, unknown, &at, &leaf))
            };
            if let Some(value) = value {
                self.insert(&mut out, canon, field.to, value, &at.src);
            }
        }
        out
    }

    /// One attribute's canonical value, or `None` when it is not set.
    pub fn field(&mut self, kind: Kind, node: &Node, unknown: Option<&Node>, at: &At, leaf: &str) -> Option<Value> {
        if is_true(unknown) {
            return Some(self.placeholder(at, leaf));
        }
        match kind {
            Kind::Value | Kind::NonZero => {
                let unset = match &node.kind {
                    NodeKind::String(s) => s.is_empty(),
                    NodeKind::Array(items) => items.is_empty(),
                    NodeKind::Object(members) => members.is_empty(),
                    NodeKind::Number(n) => matches!(kind, Kind::NonZero) && n.as_f64() == Some(0.0),
                    _ => false,
                };
                if unset { None } else { self.merge(node, unknown, at, leaf) }
            }
            Kind::Json => match &node.kind {
                // Not grafted: the string did not hold valid JSON. Opaque rather than a schema error
                // about a string where an object belongs.
                NodeKind::String(_) => {
                    self.origin.insert(leaf.to_string(), at.src.clone());
                    Some(Value::String(format!("${{unparsed JSON: {}.{}}}", self.address, at.tf)))
                }
                _ => self.merge(node, unknown, at, leaf),
            },
            Kind::Block(table) => {
                let NodeKind::Array(items) = &node.kind else { return None };
                let first = items.first()?;
                let (at, unknown) = (at.index(0), index(unknown, 0));
                if is_true(unknown) {
                    return Some(self.placeholder(&at, leaf));
                }
                if !matches!(first.kind, NodeKind::Object(_)) {
                    return None;
                }
                self.origin.insert(leaf.to_string(), at.src.clone());
                Some(Value::Object(self.object(table, Some(first), unknown, &at, leaf)))
            }
            Kind::Blocks(table) => {
                let NodeKind::Array(items) = &node.kind else { return None };
                if items.is_empty() {
                    return None;
                }
                self.origin.insert(leaf.to_string(), at.src.clone());
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let (at, unknown, leaf) = (at.index(i), index(unknown, i), join(leaf, i));
                    if is_true(unknown) {
                        out.push(self.placeholder(&at, &leaf));
                    } else if matches!(item.kind, NodeKind::Object(_)) {
                        self.origin.insert(leaf.clone(), at.src.clone());
                        out.push(Value::Object(self.object(table, Some(item), unknown, &at, &leaf)));
                    }
                }
                Some(Value::Array(out))
            }
            Kind::KeyValue => self.pairs(node, unknown, at, leaf, "key"),
            Kind::NameValue => self.pairs(node, unknown, at, leaf, "name"),
            Kind::Enabled => {
                let NodeKind::Bool(enabled) = node.kind else { return None };
                self.origin.insert(leaf.to_string(), at.src.clone());
                Some(Value::String(if enabled { "ENABLED" } else { "DISABLED" }.into()))
            }
        }
    }

    /// A map → `[{<name>: key, value}]`; every pointer of an element maps to the map's key.
    fn pairs(&mut self, node: &Node, unknown: Option<&Node>, at: &At, leaf: &str, name: &str) -> Option<Value> {
        let NodeKind::Object(members) = &node.kind else { return None };
        let mut keys: Vec<&str> = Vec::new();
        for key in members.iter().map(|m| m.key.as_str()).chain(true_keys(unknown)) {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        if keys.is_empty() {
            return None;
        }
        self.origin.insert(leaf.to_string(), at.src.clone());
        let mut out = Vec::with_capacity(keys.len());
        for key in keys {
            let (at, unknown) = (at.key(key), unknown.and_then(|u| u.get(key)));
            let element = join(leaf, out.len());
            let value_pointer = join(&element, "value");
            let value = match node.get(key) {
                _ if is_true(unknown) => self.placeholder(&at, &value_pointer),
                Some(value) => match self.merge(value, unknown, &at, &value_pointer) {
                    Some(v) => v,
                    None => continue,
                },
                None => continue,
            };
            let source = if node.get(key).is_some() { at.src.clone() } else { at.unknown.clone().unwrap_or(at.src) };
            for pointer in [element.clone(), join(&element, name), value_pointer] {
                self.origin.insert(pointer, source.clone());
            }
            let mut pair = Map::new();
            pair.insert(name.to_string(), Value::String(key.to_string()));
            pair.insert("value".into(), value);
            out.push(Value::Object(pair));
        }
        Some(Value::Array(out))
    }

    /// A value copied as it is (keys unchanged), with unknowns made opaque and nulls in objects omitted.
    pub fn merge(&mut self, node: &Node, unknown: Option<&Node>, at: &At, canon: &str) -> Option<Value> {
        if is_true(unknown) {
            return Some(self.placeholder(at, canon));
        }
        let value = match &node.kind {
            NodeKind::Null => return None,
            NodeKind::Object(members) => {
                let mut map = Map::new();
                for m in members {
                    let (at, unknown, canon) =
                        (at.key(&m.key), unknown.and_then(|u| u.get(&m.key)), join(canon, &m.key));
                    match self.merge(&m.value, unknown, &at, &canon) {
                        Some(v) => map.insert(m.key.clone(), v),
                        // The last of duplicate keys wins, even when it is null.
                        None => map.remove(&m.key),
                    };
                }
                for key in true_keys(unknown).filter(|k| node.get(k).is_none()) {
                    let canon = join(canon, key);
                    let value = self.placeholder(&at.key(key), &canon);
                    map.insert(key.to_string(), value);
                }
                Value::Object(map)
            }
            NodeKind::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let canon = join(canon, i);
                    out.push(self.merge(item, index(unknown, i), &at.index(i), &canon).unwrap_or(Value::Null));
                }
                Value::Array(out)
            }
            _ => node.to_value(),
        };
        self.origin.insert(canon.to_string(), at.src.clone());
        Some(value)
    }

    /// The opaque stand-in of a value known only after the apply; it points at `after_unknown`.
    pub fn placeholder(&mut self, at: &At, canon: &str) -> Value {
        self.origin.insert(canon.to_string(), at.unknown.clone().unwrap_or_else(|| at.src.clone()));
        Value::String(format!("${{unknown: {}.{}}}", self.address, at.tf))
    }

    /// Sets `value` at `path` below `canon` in `out`, creating the intermediate objects (which map
    /// to the first attribute that needed them).
    pub fn insert(&mut self, out: &mut Map<String, Value>, canon: &str, path: &[&str], value: Value, source: &str) {
        let Some((last, parents)) = path.split_last() else { return };
        let mut pointer = canon.to_string();
        let mut map = out;
        for segment in parents {
            pointer = join(&pointer, segment);
            self.origin.entry(pointer.clone()).or_insert_with(|| source.to_string());
            let entry = map.entry(segment.to_string()).or_insert_with(|| Value::Object(Map::new()));
            let Value::Object(inner) = entry else { return };
            map = inner;
        }
        self.origin.entry(join(&pointer, last)).or_insert_with(|| source.to_string());
        map.insert(last.to_string(), value);
    }
}

fn is_true(node: Option<&Node>) -> bool {
    matches!(node.map(|n| &n.kind), Some(NodeKind::Bool(true)))
}

fn index(node: Option<&Node>, i: usize) -> Option<&Node> {
    match &node?.kind {
        NodeKind::Array(items) => items.get(i),
        _ => None,
    }
}

/// Keys an `after_unknown` object marks as unknown.
fn true_keys(unknown: Option<&Node>) -> impl Iterator<Item = &str> {
    let members = match unknown.map(|u| &u.kind) {
        Some(NodeKind::Object(members)) => members.as_slice(),
        _ => &[],
    };
    members.iter().filter(|m| matches!(m.value.kind, NodeKind::Bool(true))).map(|m| m.key.as_str())
}
