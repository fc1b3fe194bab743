//! Tasks started by a service carry no tags unless the service propagates them, which breaks
//! cost allocation, tag-based access control and tag checks such as Security Hub ECS.13.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{known_bool, known_str};
use crate::model::{Service, Shape, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct TagsNotPropagated {
        code: "ECS-SEC-027",
        name: "tags-not-propagated",
        category: Security,
        severity: Info,
        since: "0.1.0",
        summary: "the service does not propagate tags to its tasks",
    }
}

/// API reference, CreateService `enableECSManagedTags` (checked 2026-11-23).
const MANAGED_NEEDS_PROPAGATE: &str =
    "When you use Amazon ECS managed tags, you must set the propagateTags request parameter.";

impl Rule for TagsNotPropagated {
    fn check_service(&self, service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        let shape = service.shape();
        let (propagate, written) = match service.get("propagateTags") {
            // In an update, an absent field keeps the current setting.
            None | Some(Value::Null) if shape == Shape::UpdateService => return,
            None | Some(Value::Null) => ("NONE", false),
            Some(value) => match known_str(Some(value)) {
                Some(text) => (text, true),
                None => return,
            },
        };
        let who = service
            .name()
            .filter(|n| !n.trim().is_empty())
            .map_or_else(|| "the service".to_string(), |name| format!("service `{name}`"));
        match propagate {
            "NONE" => {
                let default = if written { "" } else { " (the default)" };
                let managed = if known_bool(service.get("enableECSManagedTags")) == Some(true) {
                    format!("; `enableECSManagedTags` is true, and the API reference says: {MANAGED_NEEDS_PROPAGATE}")
                } else {
                    String::new()
                };
                let finding = if written { cx.report(self, "/propagateTags") } else { cx.report(self, "").on_key() };
                finding
                    .message(format!("tasks started by {who} carry no tags: `propagateTags` is NONE{default}{managed}"))
                    .label("tags are not propagated to tasks")
                    .help(
                        "set `propagateTags` to SERVICE (or TASK_DEFINITION) and `enableECSManagedTags` to true, so \
                         tasks carry your tags and aws:ecs:clusterName / aws:ecs:serviceName for cost allocation",
                    )
                    .emit();
            }
            "SERVICE" if matches!(shape, Shape::CreateService | Shape::ServiceDefinition) => {
                let untagged = match service.get("tags") {
                    None | Some(Value::Null) => true,
                    Some(Value::Array(tags)) => tags.is_empty(),
                    Some(_) => false,
                };
                if !untagged {
                    return;
                }
                cx.report(self, "/propagateTags")
                    .message(format!(
                        "{who} propagates its tags to its tasks but has no `tags`: nothing reaches the tasks, and \
                         Security Hub ECS.13 (ECS services should be tagged) fails the service"
                    ))
                    .label("propagates an empty tag set")
                    .help("add `tags` to the service, e.g. Environment, Team and CostCenter")
                    .emit();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-027";
    const TAGS: &str = r#""tags": [{"key": "Team", "value": "web"}]"#;

    fn svc(extra: &str) -> String {
        format!(r#"{{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 2{extra}}}"#)
    }

    #[test]
    fn not_propagating_is_reported() {
        let messages = assert_fires(CODE, 1, &svc(""));
        assert!(
            messages[0].contains("tasks started by service `web` carry no tags: `propagateTags` is NONE (the default)")
        );
        let messages = assert_fires(CODE, 1, &svc(r#", "propagateTags": "NONE", "enableECSManagedTags": true"#));
        assert!(messages[0].contains("you must set the propagateTags request parameter"));
        assert_fires(CODE, 1, r#"{"service": "web", "propagateTags": "NONE"}"#);
    }

    #[test]
    fn propagating_nothing_is_reported() {
        let messages = assert_fires(CODE, 1, &svc(r#", "propagateTags": "SERVICE""#));
        assert!(messages[0].contains("ECS.13"));
        assert_fires(CODE, 1, &svc(r#", "propagateTags": "SERVICE", "tags": []"#));
    }

    #[test]
    fn propagating_tags_is_clean() {
        assert_clean(CODE, &svc(&format!(r#", "propagateTags": "SERVICE", "enableECSManagedTags": true, {TAGS}"#)));
        assert_clean(CODE, &svc(r#", "propagateTags": "TASK_DEFINITION""#));
        assert_clean(CODE, &svc(r#", "propagateTags": "${PROPAGATE}""#));
        assert_clean(CODE, &svc(r#", "propagateTags": "SERVICE", "tags": "${TAGS}""#));
    }

    #[test]
    fn updates_and_describe_output() {
        // An update without propagateTags keeps the service's setting.
        assert_clean(CODE, r#"{"service": "web", "desiredCount": 3}"#);
        // describe-services prints propagateTags, but tags only when asked for: no ECS.13 guess.
        assert_clean(CODE, r#"{"services": [{"serviceName": "web", "propagateTags": "SERVICE"}]}"#);
        assert_fires(CODE, 1, r#"{"services": [{"serviceName": "web", "propagateTags": "NONE"}]}"#);
    }
}
