//! A lenient typed view over one `ContainerDefinition`.

use super::known::{is_present, known_bool, known_i64, known_str};
use serde_json::Value;

#[derive(Debug, Clone, Copy)]
pub struct Container<'a> {
    value: &'a Value,
    index: usize,
}

impl<'a> Container<'a> {
    pub fn new(value: &'a Value, index: usize) -> Self {
        Self { value, index }
    }

    pub fn value(&self) -> &'a Value {
        self.value
    }

    pub fn index(&self) -> usize {
        self.index
    }

    /// Canonical pointer of this container.
    pub fn pointer(&self) -> String {
        format!("/containerDefinitions/{}", self.index)
    }

    /// Canonical pointer of a field of this container.
    pub fn at(&self, field: &str) -> String {
        format!("/containerDefinitions/{}/{field}", self.index)
    }

    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.value.get(key)
    }

    pub fn has(&self, key: &str) -> bool {
        is_present(self.get(key))
    }

    pub fn str(&self, key: &str) -> Option<&'a str> {
        known_str(self.get(key))
    }

    pub fn int(&self, key: &str) -> Option<i64> {
        known_i64(self.get(key))
    }

    pub fn bool(&self, key: &str) -> Option<bool> {
        known_bool(self.get(key))
    }

    /// The elements of an array field (empty when absent or not an array).
    pub fn array(&self, key: &str) -> &'a [Value] {
        self.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
    }

    /// The container's name, when known and not blank (a blank name is its own finding).
    pub fn name(&self) -> Option<&'a str> {
        self.str("name").filter(|n| !n.trim().is_empty())
    }

    /// A name for messages: the name, or `#<index>` when it has none.
    pub fn label(&self) -> String {
        match self.name() {
            Some(name) => name.to_string(),
            None => format!("#{}", self.index),
        }
    }

    /// How messages name the container: `` `app` ``, or `#0` when it has no known name.
    pub fn display(&self) -> String {
        match self.name() {
            Some(name) => format!("`{name}`"),
            None => format!("#{}", self.index),
        }
    }

    /// `essential` as AWS applies it: omitted means `true`. `None` when written but not a boolean.
    pub fn essential(&self) -> Option<bool> {
        match self.get("essential") {
            None | Some(Value::Null) => Some(true),
            Some(v) => v.as_bool(),
        }
    }

    /// The image reference, when known.
    pub fn image(&self) -> Option<&'a str> {
        self.str("image")
    }

    /// `logConfiguration.logDriver`, when known.
    pub fn log_driver(&self) -> Option<&'a str> {
        known_str(self.get("logConfiguration").and_then(|l| l.get("logDriver")))
    }
}
