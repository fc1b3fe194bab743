//! A lenient typed view over a canonical `RegisterTaskDefinition` request.

use super::known::{is_present, known_str};
use super::{Container, Shape};
use serde_json::Value;

#[derive(Debug, Clone, Copy)]
pub struct TaskDefinition<'a> {
    value: &'a Value,
    shape: Shape,
    infra: Option<&'a super::Infra>,
}

/// Task-level CPU or memory as AWS reads it: `"1024"`, `1024`, `"1 vCPU"`, `"2 GB"`, `"0.5GB"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskSize {
    /// CPU units or MiB.
    Units(u64),
    /// Written in a form AWS does not accept (`"abc"`, `""`, `"-1"`).
    Invalid,
}

impl<'a> TaskDefinition<'a> {
    pub fn new(value: &'a Value, shape: Shape) -> Self {
        Self { value, shape, infra: None }
    }

    /// Adds what a template or plan knows beyond the request (the roles it resolved).
    pub fn with_infra(self, infra: Option<&'a super::Infra>) -> Self {
        Self { infra, ..self }
    }

    /// How messages name this task definition: by family, else by its logical ID or address in a
    /// template or plan (``task definition `web` ``), else "the task definition".
    pub fn describe(&self) -> String {
        match self.family().or(self.infra.map(|i| i.id.as_str())) {
            Some(name) => format!("task definition `{name}`"),
            None => "the task definition".to_string(),
        }
    }

    /// What the template or plan knows beyond the request, for resources of one.
    pub fn infra(&self) -> Option<&'a super::Infra> {
        self.infra
    }

    pub fn value(&self) -> &'a Value {
        self.value
    }

    pub fn shape(&self) -> Shape {
        self.shape
    }

    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.value.get(key)
    }

    /// Present and not `null` (placeholders count as present).
    pub fn has(&self, key: &str) -> bool {
        is_present(self.get(key))
    }

    /// A known (non-placeholder) string field.
    pub fn str(&self, key: &str) -> Option<&'a str> {
        known_str(self.get(key))
    }

    pub fn family(&self) -> Option<&'a str> {
        self.str("family")
    }

    /// `requiresCompatibilities` as written (known strings only).
    pub fn compatibilities(&self) -> Vec<&'a str> {
        self.get("requiresCompatibilities")
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(|v| known_str(Some(v))).collect())
            .unwrap_or_default()
    }

    /// Declared compatible with Fargate (`requiresCompatibilities` contains `FARGATE`).
    pub fn is_fargate(&self) -> bool {
        self.compatibilities().contains(&"FARGATE")
    }

    /// Pointer to the `FARGATE` entry of `requiresCompatibilities` (or the list), for findings
    /// caused by Fargate.
    pub fn fargate_pointer(&self) -> String {
        self.get("requiresCompatibilities")
            .and_then(Value::as_array)
            .and_then(|items| items.iter().position(|v| v.as_str() == Some("FARGATE")))
            .map_or_else(|| "/requiresCompatibilities".to_string(), |i| format!("/requiresCompatibilities/{i}"))
    }

    /// `runtimePlatform.operatingSystemFamily`, when known.
    pub fn os_family(&self) -> Option<&'a str> {
        known_str(self.get("runtimePlatform").and_then(|p| p.get("operatingSystemFamily")))
    }

    pub fn is_windows(&self) -> bool {
        self.os_family().is_some_and(|os| os.starts_with("WINDOWS"))
    }

    /// `networkMode` as written, when known.
    pub fn network_mode(&self) -> Option<&'a str> {
        self.str("networkMode")
    }

    /// The network mode AWS applies: as written, else `bridge` for Linux on EC2. `None` when it
    /// cannot be known (a placeholder) or has no single default (Fargate, Windows).
    pub fn effective_network_mode(&self) -> Option<&'a str> {
        if self.has("networkMode") {
            return self.network_mode();
        }
        if self.shape == Shape::ContainerArray || self.is_fargate() || self.is_windows() {
            return None;
        }
        Some("bridge")
    }

    /// Task-level `cpu`; `None` when absent or a placeholder.
    pub fn cpu(&self) -> Option<TaskSize> {
        self.size("cpu", "vcpu", 1024)
    }

    /// Task-level `memory` in MiB; `None` when absent or a placeholder.
    pub fn memory(&self) -> Option<TaskSize> {
        self.size("memory", "gb", 1024)
    }

    fn size(&self, key: &str, unit: &str, per_unit: u64) -> Option<TaskSize> {
        match self.get(key)? {
            Value::Number(n) => Some(n.as_u64().map_or(TaskSize::Invalid, TaskSize::Units)),
            Value::String(s) if known_str(self.get(key)).is_some() => Some(parse_size(s, unit, per_unit)),
            _ => None,
        }
    }

    /// Every container with its canonical pointer.
    pub fn containers(&self) -> Vec<Container<'a>> {
        self.get("containerDefinitions")
            .and_then(Value::as_array)
            .map(|items| items.iter().enumerate().map(|(i, v)| Container::new(v, i)).collect())
            .unwrap_or_default()
    }

    /// Declared volume names.
    pub fn volume_names(&self) -> Vec<&'a str> {
        self.get("volumes")
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(|v| v.get("name").and_then(Value::as_str)).collect())
            .unwrap_or_default()
    }
}

/// Parses `"1024"`, `"1 vCPU"`, `"0.5 vcpu"`, `"2 GB"`, `"2GB"` into units (CPU units or MiB).
fn parse_size(raw: &str, unit: &str, per_unit: u64) -> TaskSize {
    let s = raw.trim();
    if let Ok(n) = s.parse::<u64>() {
        return TaskSize::Units(n);
    }
    let lower = s.to_ascii_lowercase();
    let Some(number) = lower.strip_suffix(unit) else {
        return TaskSize::Invalid;
    };
    match number.trim().parse::<f64>() {
        Ok(n) if n.is_finite() && n > 0.0 && (n * per_unit as f64).fract() == 0.0 => {
            TaskSize::Units((n * per_unit as f64) as u64)
        }
        _ => TaskSize::Invalid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn td(v: &Value) -> TaskDefinition<'_> {
        TaskDefinition::new(v, Shape::RegisterRequest)
    }

    #[test]
    fn sizes_accept_the_forms_aws_converts() {
        let v = json!({"cpu": "1 vCPU", "memory": "2 GB"});
        assert_eq!(td(&v).cpu(), Some(TaskSize::Units(1024)));
        assert_eq!(td(&v).memory(), Some(TaskSize::Units(2048)));
        let v = json!({"cpu": "0.25 vcpu", "memory": "0.5GB"});
        assert_eq!(td(&v).cpu(), Some(TaskSize::Units(256)));
        assert_eq!(td(&v).memory(), Some(TaskSize::Units(512)));
        let v = json!({"cpu": 512, "memory": "abc"});
        assert_eq!(td(&v).cpu(), Some(TaskSize::Units(512)));
        assert_eq!(td(&v).memory(), Some(TaskSize::Invalid));
        let v = json!({"cpu": "${CPU}"});
        assert_eq!(td(&v).cpu(), None);
    }

    #[test]
    fn network_mode_defaults_to_bridge_on_linux_ec2() {
        assert_eq!(td(&json!({})).effective_network_mode(), Some("bridge"));
        assert_eq!(td(&json!({"requiresCompatibilities": ["FARGATE"]})).effective_network_mode(), None);
        assert_eq!(td(&json!({"networkMode": "awsvpc"})).effective_network_mode(), Some("awsvpc"));
    }
}
