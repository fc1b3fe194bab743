//! A view over an ECS cluster in the `CreateCluster` request shape (`clusterName`, `settings`,
//! `configuration.executeCommandConfiguration` …).

use super::known::known_str;
use serde_json::Value;

#[derive(Debug, Clone, Copy)]
pub struct Cluster<'a> {
    value: &'a Value,
    /// The template's logical ID or the plan's address, when the cluster comes from one.
    id: Option<&'a str>,
}

impl<'a> Cluster<'a> {
    pub fn new(value: &'a Value) -> Self {
        Self { value, id: None }
    }

    /// Names the cluster by its template logical ID or plan address when it has no known name.
    pub fn with_id(self, id: Option<&'a str>) -> Self {
        Self { id, ..self }
    }

    /// How messages name the cluster: ``cluster `main` ``, else "the cluster".
    pub fn describe(&self) -> String {
        self.name().or(self.id).map_or_else(|| "the cluster".to_string(), |name| format!("cluster `{name}`"))
    }

    pub fn value(&self) -> &'a Value {
        self.value
    }

    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.value.get(key)
    }

    pub fn name(&self) -> Option<&'a str> {
        known_str(self.get("clusterName"))
    }

    /// A value at a path of keys (`["configuration", "executeCommandConfiguration", "logging"]`).
    pub fn at(&self, path: &[&str]) -> Option<&'a Value> {
        path.iter().try_fold(self.value, |v, key| v.get(key))
    }

    /// The elements of an array field (empty when absent or not an array).
    pub fn array(&self, key: &str) -> &'a [Value] {
        self.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
    }
}
