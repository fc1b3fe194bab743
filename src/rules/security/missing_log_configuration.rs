//! A container without `logConfiguration` sends its output to no log service (Security Hub ECS.9).

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct MissingLogConfiguration {
        code: "ECS-SEC-012",
        name: "missing-log-configuration",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a container without a log configuration",
    }
}

impl Rule for MissingLogConfiguration {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            if container.has("logConfiguration") {
                continue;
            }
            let help = if container.has("firelensConfiguration") {
                "give the FireLens log router its own log configuration, e.g. \"logConfiguration\": {\"logDriver\": \
                 \"awslogs\", \"options\": {...}}, so that its own errors are kept"
            } else {
                "add a \"logConfiguration\", e.g. {\"logDriver\": \"awslogs\", \"options\": {\"awslogs-group\": ..., \
                 \"awslogs-region\": ..., \"awslogs-stream-prefix\": ...}}"
            };
            cx.report(self, container.pointer())
                .on_key()
                .message(format!(
                    "container {} has no `logConfiguration`, so ECS sends none of its output to a log service and \
                     there is no record of what it did",
                    container.display()
                ))
                .label("no `logConfiguration`")
                .help(help)
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-012";

    const AWSLOGS: &str = r#""logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web",
        "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "app"}}"#;

    #[test]
    fn fires_without_log_configuration() {
        let json =
            r#"{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx:1.27", "memory": 256}]}"#;
        let messages = assert_fires(CODE, 1, json);
        assert!(messages[0].starts_with("container `app` has no `logConfiguration`"));
        assert_fires(CODE, 1, r#"[{"name": "app", "image": "nginx", "logConfiguration": null}]"#);
    }

    #[test]
    fn accepts_any_log_configuration_including_placeholders() {
        assert_clean(CODE, &format!(r#"[{{"name": "app", "image": "nginx", {AWSLOGS}}}]"#));
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx", "logConfiguration": "${LOGGING}"}]"#);
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx", "logConfiguration": {"logDriver": "awsfirelens"}}]"#);
    }

    #[test]
    fn reports_a_firelens_router_without_its_own_logs() {
        let json = r#"[{"name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
                        "firelensConfiguration": {"type": "fluentbit"}},
                       {"name": "app", "image": "nginx", "logConfiguration": {"logDriver": "awsfirelens"}}]"#;
        let messages = assert_fires(CODE, 1, json);
        assert!(messages[0].contains("`log_router`"));
    }
}
