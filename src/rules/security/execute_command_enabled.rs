//! ECS Exec opens an interactive shell into production containers for anyone allowed to call
//! `ecs:ExecuteCommand`.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{known_bool, known_str};
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct ExecuteCommandEnabled {
        code: "ECS-SEC-026",
        name: "execute-command-enabled",
        category: Security,
        severity: Info,
        since: "0.1.0",
        summary: "a production-looking service with ECS Exec enabled",
    }
}

/// Words that mark a production environment.
const PRODUCTION: [&str; 3] = ["prod", "production", "prd"];

fn is_production(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| PRODUCTION.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// Where the service is marked as production: its name, its cluster or a tag value.
fn production_marker(service: &Service<'_>) -> Option<String> {
    if let Some(name) = service.name().filter(|n| is_production(n)) {
        return Some(format!("its name `{name}`"));
    }
    if let Some(cluster) = service.str("cluster").filter(|c| is_production(c)) {
        return Some(format!("its cluster `{cluster}`"));
    }
    service.array("tags").iter().find_map(|tag| {
        let value = known_str(tag.get("value")).filter(|v| is_production(v))?;
        let key = known_str(tag.get("key")).unwrap_or("a tag");
        Some(format!("its tag `{key}` = `{value}`"))
    })
}

impl Rule for ExecuteCommandEnabled {
    fn check_service(&self, service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        if known_bool(service.get("enableExecuteCommand")) != Some(true) {
            return;
        }
        let Some(marker) = production_marker(service) else { return };
        cx.report(self, "/enableExecuteCommand")
            .message(format!(
                "ECS Exec is enabled on a service that looks like production ({marker}): anyone allowed \
                 `ecs:ExecuteCommand` can open a shell in its running containers"
            ))
            .label("interactive shell into production tasks")
            .help(
                "set `enableExecuteCommand` to false and turn it on only while debugging; if it stays on, limit \
                 `ecs:ExecuteCommand` in IAM (by cluster, service or container) and log sessions through the \
                 cluster's `executeCommandConfiguration`",
            )
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use super::is_production;
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-026";

    #[test]
    fn production_is_a_whole_word() {
        for text in ["prod", "web-prod", "PRD_api", "arn:aws:ecs:us-east-1:123456789012:cluster/production"] {
            assert!(is_production(text), "{text}");
        }
        for text in ["product-api", "reproduce", "preprod-x", "staging", ""] {
            assert!(!is_production(text), "{text}");
        }
    }

    #[test]
    fn exec_on_production_is_reported() {
        let messages = assert_fires(
            CODE,
            1,
            r#"{"serviceName": "api-prod", "taskDefinition": "api:1", "enableExecuteCommand": true}"#,
        );
        assert!(messages[0].contains("its name `api-prod`"));
        assert!(messages[0].contains("ecs:ExecuteCommand"));
        assert_fires(CODE, 1, r#"{"service": "api", "cluster": "prod-cluster", "enableExecuteCommand": true}"#);
        let tagged = r#"{"serviceName": "api", "taskDefinition": "api:1", "enableExecuteCommand": true,
                         "tags": [{"key": "Environment", "value": "production"}]}"#;
        assert!(assert_fires(CODE, 1, tagged)[0].contains("its tag `Environment` = `production`"));
    }

    #[test]
    fn other_services_and_settings_are_clean() {
        assert_clean(CODE, r#"{"serviceName": "api-dev", "taskDefinition": "api:1", "enableExecuteCommand": true}"#);
        assert_clean(CODE, r#"{"serviceName": "api-prod", "taskDefinition": "api:1", "enableExecuteCommand": false}"#);
        assert_clean(CODE, r#"{"serviceName": "api-prod", "taskDefinition": "api:1"}"#);
        assert_clean(CODE, r#"{"serviceName": "${ENV}-api", "taskDefinition": "api:1", "enableExecuteCommand": true}"#);
        assert_clean(
            CODE,
            r#"{"serviceName": "api-prod", "taskDefinition": "api:1", "enableExecuteCommand": "${EXEC}"}"#,
        );
    }
}
