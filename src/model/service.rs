//! A lenient typed view over a canonical `CreateService` / `UpdateService` request.

use super::Shape;
use super::known::{is_present, known_i64, known_str};
use serde_json::Value;

#[derive(Debug, Clone, Copy)]
pub struct Service<'a> {
    value: &'a Value,
    shape: Shape,
    infra: Option<&'a super::Infra>,
}

/// What a service's `taskDefinition` names: a family, with or without a revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskDefinitionRef {
    pub family: String,
    pub revision: Option<u32>,
}

impl TaskDefinitionRef {
    /// Parses `family`, `family:3` or `arn:aws:ecs:us-east-1:123456789012:task-definition/family:3`.
    pub fn parse(text: &str) -> Option<Self> {
        let tail = match text.strip_prefix("arn:") {
            Some(arn) => arn.split_once(":task-definition/")?.1,
            None => text,
        };
        let (family, revision) = match tail.rsplit_once(':') {
            Some((family, revision)) => (family, Some(revision.parse().ok()?)),
            None => (tail, None),
        };
        let valid = !family.is_empty() && family.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        valid.then(|| Self { family: family.to_string(), revision })
    }
}

impl<'a> Service<'a> {
    pub fn new(value: &'a Value, shape: Shape) -> Self {
        Self { value, shape, infra: None }
    }

    /// Adds what a template or plan knows beyond the request (target groups of the same file).
    pub fn with_infra(self, infra: Option<&'a super::Infra>) -> Self {
        Self { infra, ..self }
    }

    /// The target group of `loadBalancers[index]` in the `CreateTargetGroup` shape, when the
    /// service's template or plan defines it.
    pub fn target_group(&self, index: usize) -> Option<&'a Value> {
        self.infra?.target_groups.iter().find(|(i, _)| *i == index).map(|(_, tg)| tg)
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

    pub fn str(&self, key: &str) -> Option<&'a str> {
        known_str(self.get(key))
    }

    pub fn int(&self, key: &str) -> Option<i64> {
        known_i64(self.get(key))
    }

    /// A value at a path of keys (`["deploymentConfiguration", "maximumPercent"]`).
    pub fn at(&self, path: &[&str]) -> Option<&'a Value> {
        path.iter().try_fold(self.value, |v, key| v.get(key))
    }

    /// The elements of an array field (empty when absent or not an array).
    pub fn array(&self, key: &str) -> &'a [Value] {
        self.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
    }

    /// `serviceName` (create) or `service` (update), when known.
    pub fn name(&self) -> Option<&'a str> {
        self.str("serviceName").or_else(|| self.str("service"))
    }

    /// The task definition the service runs, when written and known.
    pub fn task_definition_ref(&self) -> Option<TaskDefinitionRef> {
        self.str("taskDefinition").and_then(TaskDefinitionRef::parse)
    }

    /// `schedulingStrategy` as AWS applies it: omitted means `REPLICA`.
    pub fn scheduling_strategy(&self) -> Option<&'a str> {
        if self.has("schedulingStrategy") { self.str("schedulingStrategy") } else { Some("REPLICA") }
    }

    /// `deploymentController.type` as AWS applies it: omitted means `ECS`.
    pub fn deployment_controller(&self) -> Option<&'a str> {
        match self.at(&["deploymentController", "type"]) {
            None | Some(Value::Null) => Some("ECS"),
            Some(v) => known_str(Some(v)),
        }
    }

    pub fn launch_type(&self) -> Option<&'a str> {
        self.str("launchType")
    }

    /// Capacity providers named in `capacityProviderStrategy` (known names only).
    pub fn capacity_providers(&self) -> Vec<&'a str> {
        self.array("capacityProviderStrategy").iter().filter_map(|s| known_str(s.get("capacityProvider"))).collect()
    }

    /// Runs on Fargate: `launchType: FARGATE`, or a strategy using only FARGATE/FARGATE_SPOT.
    pub fn is_fargate(&self) -> bool {
        if self.launch_type() == Some("FARGATE") {
            return true;
        }
        let providers = self.capacity_providers();
        !providers.is_empty()
            && providers.len() == self.array("capacityProviderStrategy").len()
            && providers.iter().all(|p| *p == "FARGATE" || *p == "FARGATE_SPOT")
    }

    /// `networkConfiguration.awsvpcConfiguration`, when present.
    pub fn awsvpc_configuration(&self) -> Option<&'a Value> {
        self.at(&["networkConfiguration", "awsvpcConfiguration"]).filter(|v| !v.is_null())
    }

    /// Canonical pointer of a field path.
    pub fn pointer(path: &[&str]) -> String {
        path.iter().fold(String::new(), |p, key| super::join(&p, key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_definition_references() {
        let r = |s| TaskDefinitionRef::parse(s);
        assert_eq!(r("web").unwrap().family, "web");
        assert_eq!(r("web:12").unwrap().revision, Some(12));
        let arn = r("arn:aws:ecs:eu-west-1:123456789012:task-definition/web-api:7").unwrap();
        assert_eq!((arn.family.as_str(), arn.revision), ("web-api", Some(7)));
        assert!(r("web:latest").is_none());
        assert!(r("").is_none());
    }

    #[test]
    fn defaults_apply() {
        let v = serde_json::json!({"serviceName": "web"});
        let s = Service::new(&v, Shape::CreateService);
        assert_eq!(s.scheduling_strategy(), Some("REPLICA"));
        assert_eq!(s.deployment_controller(), Some("ECS"));
        assert!(!s.is_fargate());
        let v = serde_json::json!({"capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]});
        assert!(Service::new(&v, Shape::CreateService).is_fargate());
    }
}
