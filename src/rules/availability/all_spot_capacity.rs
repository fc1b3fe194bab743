//! Fargate Spot can be reclaimed at any time with two minutes' notice; a production service with
//! no on-demand Fargate capacity can lose every task at once.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{is_opaque, known_str};
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct AllSpotCapacity {
        code: "ECS-HA-013",
        name: "all-spot-capacity",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "a production-looking service that runs only on Fargate Spot",
    }
}

const PRODUCTION: [&str; 3] = ["prod", "production", "prd"];
const NON_PRODUCTION: [&str; 9] = ["dev", "test", "staging", "stg", "sandbox", "qa", "preview", "demo", "nonprod"];

impl Rule for AllSpotCapacity {
    fn check_service(&self, service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        let Some(why) = production_hint(service) else { return };
        let entries = service.array("capacityProviderStrategy");
        if entries.is_empty() {
            return;
        }
        let mut spot = false;
        for entry in entries {
            match known_str(entry.get("capacityProvider")) {
                Some("FARGATE_SPOT") => spot = true,
                Some("FARGATE") => {
                    // On-demand Fargate with a base or a weight runs some of the tasks.
                    let (Some(base), Some(weight)) = (number(entry.get("base")), number(entry.get("weight"))) else {
                        return;
                    };
                    if base > 0 || weight > 0 {
                        return;
                    }
                }
                // Auto Scaling group providers (maybe on-demand), or a placeholder.
                _ => return,
            }
        }
        if !spot {
            return;
        }
        cx.report(self, "/capacityProviderStrategy")
            .message(format!(
                "service looks like production ({why}) but runs only on Fargate Spot; Spot tasks can be stopped with \
                 two minutes' notice when AWS needs the capacity back, and all of them can go at once"
            ))
            .label("no on-demand Fargate capacity")
            .help(
                "add {\"capacityProvider\": \"FARGATE\", \"base\": 2, \"weight\": 1} so a base of tasks runs on \
                 on-demand Fargate, and keep FARGATE_SPOT for the rest",
            )
            .emit();
    }
}

/// An optional strategy number: absent means 0; `None` when it cannot be known.
fn number(value: Option<&Value>) -> Option<i64> {
    match value {
        None | Some(Value::Null) => Some(0),
        Some(v) if is_opaque(v) => None,
        Some(v) => v.as_i64(),
    }
}

/// Why the service looks like production: its name, cluster or a tag says `prod`, `production`
/// or `prd` as a word, and nothing says it is a development or test environment.
fn production_hint(service: &Service<'_>) -> Option<String> {
    let mut sources: Vec<(String, &str)> = Vec::new();
    if let Some(name) = service.name() {
        sources.push(("name".to_string(), name));
    }
    if let Some(cluster) = service.str("cluster") {
        sources.push(("cluster".to_string(), cluster));
    }
    for tag in service.array("tags") {
        let key = known_str(tag.get("key"));
        for text in [key, known_str(tag.get("value"))].into_iter().flatten() {
            sources.push((format!("tag `{}`", key.unwrap_or("?")), text));
        }
    }
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect()
    };
    if sources.iter().any(|(_, text)| words(text).iter().any(|w| NON_PRODUCTION.contains(&w.as_str()))) {
        return None;
    }
    sources
        .iter()
        .find(|(_, text)| words(text).iter().any(|w| PRODUCTION.contains(&w.as_str())))
        .map(|(source, text)| format!("{source} `{text}`"))
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-HA-013";

    fn service(name: &str, strategy: &str) -> String {
        format!(
            r#"{{"serviceName": "{name}", "cluster": "main", "taskDefinition": "web:1", "desiredCount": 4,
                "capacityProviderStrategy": {strategy}}}"#
        )
    }

    const SPOT: &str = r#"[{"capacityProvider": "FARGATE_SPOT", "weight": 1}]"#;

    #[test]
    fn production_on_spot_only_fires() {
        let messages = assert_fires(CODE, 1, &service("web-prod", SPOT));
        assert!(messages[0].contains("looks like production (name `web-prod`)"), "{messages:?}");
        // On-demand FARGATE listed without base or weight is never used.
        assert_fires(
            CODE,
            1,
            &service(
                "api-production",
                r#"[{"capacityProvider": "FARGATE_SPOT", "weight": 1}, {"capacityProvider": "FARGATE", "weight": 0}]"#,
            ),
        );
        let tagged = r#"{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 2,
            "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}],
            "tags": [{"key": "Environment", "value": "prd"}]}"#;
        assert!(assert_fires(CODE, 1, tagged)[0].contains("tag `Environment` `prd`"));
    }

    #[test]
    fn on_demand_share_non_production_and_unknown_names_are_clean() {
        let mixed = r#"[{"capacityProvider": "FARGATE", "base": 1, "weight": 0}, {"capacityProvider": "FARGATE_SPOT", "weight": 1}]"#;
        assert_clean(CODE, &service("web-prod", mixed));
        let weighted =
            r#"[{"capacityProvider": "FARGATE", "weight": 1}, {"capacityProvider": "FARGATE_SPOT", "weight": 3}]"#;
        assert_clean(CODE, &service("web-prod", weighted));
        assert_clean(CODE, &service("web-prod-test", SPOT));
        assert_clean(CODE, &service("web-staging", SPOT));
        assert_clean(CODE, &service("web", SPOT));
        assert_clean(CODE, &service("product-api", SPOT));
        assert_clean(CODE, &service("web-prod", r#"[{"capacityProvider": "my-asg", "weight": 1}]"#));
        assert_clean(CODE, &service("web-prod", r#"[{"capacityProvider": "FARGATE", "weight": 1}]"#));
    }

    #[test]
    fn placeholders_are_opaque() {
        assert_clean(CODE, &service("web-prod", r#"[{"capacityProvider": "${PROVIDER}", "weight": 1}]"#));
        assert_clean(
            CODE,
            &service(
                "web-prod",
                r#"[{"capacityProvider": "FARGATE_SPOT", "weight": 1}, {"capacityProvider": "FARGATE", "base": "${BASE}"}]"#,
            ),
        );
        assert_clean(CODE, &service("${SERVICE_NAME}", SPOT));
    }
}
