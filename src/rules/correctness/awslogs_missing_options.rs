//! The awslogs driver needs `awslogs-group` and `awslogs-region`, or AWS rejects the task.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::is_present;
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct AwslogsMissingOptions {
        code: "ECS-COR-020",
        name: "awslogs-missing-options",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "the awslogs driver without awslogs-group or awslogs-region",
    }
}

/// The required options, in the order AWS lists them.
const REQUIRED: [&str; 2] = ["awslogs-region", "awslogs-group"];

impl Rule for AwslogsMissingOptions {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            if container.log_driver() != Some("awslogs") {
                continue;
            }
            let log_configuration = container.at("logConfiguration");
            let options = container.get("logConfiguration").and_then(|l| l.get("options"));
            let (missing, pointer, on_key): (Vec<&str>, String, bool) = match options {
                None | Some(Value::Null) => (REQUIRED.to_vec(), log_configuration, true),
                Some(Value::Object(map)) => (
                    REQUIRED.into_iter().filter(|k| !is_present(map.get(*k))).collect(),
                    join(&log_configuration, "options"),
                    false,
                ),
                // A placeholder or a wrong type: unknown (the schema reports wrong types).
                Some(_) => continue,
            };
            if missing.is_empty() {
                continue;
            }
            let listed: Vec<String> = missing.iter().map(|k| format!("`{k}`")).collect();
            let mut builder = cx
                .report(self, pointer)
                .message(format!(
                    "container `{}` uses the awslogs log driver without {}; AWS rejects it: Log driver \
                     awslogs requires options: {}",
                    container.label(),
                    listed.join(" and "),
                    missing.join(", ")
                ))
                .label(format!("missing {}", listed.join(" and ")))
                .help(help(task, &missing));
            if on_key {
                builder = builder.on_key();
            }
            builder.emit();
        }
    }
}

fn help(task: &TaskDefinition<'_>, missing: &[&str]) -> String {
    let group = match task.family() {
        Some(family) => format!("\"/ecs/{family}\""),
        None => "\"/ecs/<family>\"".to_string(),
    };
    // The log group first, then its Region.
    let examples: Vec<String> = missing
        .iter()
        .rev()
        .map(|k| match *k {
            "awslogs-group" => format!("\"awslogs-group\": {group}"),
            _ => "\"awslogs-region\" (set to the log group's Region)".to_string(),
        })
        .collect();
    format!("add {} to `logConfiguration.options`", examples.join(" and "))
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-020";

    fn td(log_configuration: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [
                {{"name": "app", "image": "nginx:1.27", "memory": 256, "logConfiguration": {log_configuration}}}]}}"#
        )
    }

    #[test]
    fn fires_without_options_with_the_aws_text() {
        let messages = assert_fires(CODE, 1, &td(r#"{"logDriver": "awslogs"}"#));
        assert!(messages[0].contains("Log driver awslogs requires options: awslogs-region, awslogs-group"));
        assert_fires(CODE, 1, &td(r#"{"logDriver": "awslogs", "options": null}"#));
    }

    #[test]
    fn lists_only_the_missing_option() {
        let messages = assert_fires(
            CODE,
            1,
            &td(
                r#"{"logDriver": "awslogs", "options": {"awslogs-region": "eu-west-1", "awslogs-create-group": "true"}}"#,
            ),
        );
        assert!(messages[0].ends_with("Log driver awslogs requires options: awslogs-group"));
        let messages = assert_fires(
            CODE,
            1,
            &td(
                r#"{"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-stream-prefix": "app"}}"#,
            ),
        );
        assert!(messages[0].ends_with("requires options: awslogs-region"));
    }

    #[test]
    fn both_options_are_fine_even_as_placeholders() {
        assert_clean(
            CODE,
            &td(r#"{"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1"}}"#),
        );
        assert_clean(
            CODE,
            &td(
                r#"{"logDriver": "awslogs", "options": {"awslogs-group": "${LOG_GROUP}", "awslogs-region": "{{ region }}"}}"#,
            ),
        );
        assert_clean(CODE, &td(r#"{"logDriver": "awslogs", "options": "${OPTIONS}"}"#));
    }

    #[test]
    fn other_drivers_and_unknown_drivers_are_ignored() {
        assert_clean(CODE, &td(r#"{"logDriver": "json-file"}"#));
        assert_clean(CODE, &td(r#"{"logDriver": "${DRIVER}"}"#));
        assert_clean(CODE, &td("null"));
    }

    #[test]
    fn checks_bare_container_arrays() {
        assert_fires(
            CODE,
            1,
            r#"[{"name": "a", "image": "nginx", "logConfiguration": {"logDriver": "awslogs", "options": {}}}]"#,
        );
    }
}
