//! Static AWS keys in a container, with no task role, mean long-lived credentials instead of rotated ones.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{Container, Shape, TaskDefinition, join};
use crate::rule::Rule;

declare_rule! {
    pub struct AwsKeysWithoutTaskRole {
        code: "ECS-SEC-015",
        name: "aws-keys-without-task-role",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "static AWS keys in a task definition without a task role",
    }
}

/// The variables the AWS SDKs and CLI read static credentials from.
const KEY_VARIABLES: [&str; 2] = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"];

/// A variable that passes an AWS key into the container.
struct KeyVariable {
    name: &'static str,
    /// Pointer to the entry's `value` (environment) or `name` (secrets).
    pointer: String,
    /// The value is written in the file (plain text), so it must be masked.
    plain: bool,
}

fn key_variables(container: &Container<'_>) -> Vec<KeyVariable> {
    let mut out = Vec::new();
    for (field, plain) in [("environment", true), ("secrets", false)] {
        for (i, entry) in container.array(field).iter().enumerate() {
            let Some(name) = KEY_VARIABLES.iter().find(|k| known_str(entry.get("name")) == Some(**k)) else {
                continue;
            };
            let entry_pointer = join(&container.at(field), i);
            if plain {
                // Only a known, non-empty value: a placeholder may render to nothing.
                if known_str(entry.get("value")).is_none_or(|v| v.trim().is_empty()) {
                    continue;
                }
                out.push(KeyVariable { name, pointer: join(&entry_pointer, "value"), plain });
            } else {
                out.push(KeyVariable { name, pointer: join(&entry_pointer, "name"), plain });
            }
        }
    }
    out
}

impl Rule for AwsKeysWithoutTaskRole {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // A bare container array cannot show whether the task has a role.
        if task.shape() == Shape::ContainerArray || task.has("taskRoleArn") {
            return;
        }
        for container in task.containers() {
            // One finding per variable, so that every plain-text key is masked in every snippet.
            for key in key_variables(&container) {
                let source = if key.plain { "in plain text in `environment`" } else { "from `secrets`" };
                let mut finding = cx
                    .report(self, key.pointer)
                    .message(format!(
                        "container {} gets the static AWS key `{}` {source} while the task has no `taskRoleArn`: \
                         the application signs its AWS calls with a long-lived key instead of the task role's \
                         temporary, automatically rotated credentials",
                        container.display(),
                        key.name
                    ))
                    .label("static AWS key")
                    .help(
                        "create a task role with the permissions the application needs, set `taskRoleArn`, and \
                         remove the key variables (the AWS SDKs pick up the task role's credentials by themselves); \
                         then deactivate the key in IAM",
                    );
                if key.plain {
                    finding = finding.secret();
                }
                finding.emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-SEC-015";
    const KEY_ID: &str = "AKIAIOSFODNN7EXAMPLE";
    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    fn td(task_fields: &str, container_fields: &str) -> String {
        format!(
            r#"{{"family": "web", {task_fields} "containerDefinitions": [{{"name": "app", "image": "nginx:1.27",
               "memory": 512 {container_fields}}}]}}"#
        )
    }

    fn env(id: &str, secret: &str) -> String {
        format!(
            r#", "environment": [{{"name": "AWS_ACCESS_KEY_ID", "value": "{id}"}},
                                  {{"name": "AWS_SECRET_ACCESS_KEY", "value": "{secret}"}},
                                  {{"name": "PORT", "value": "8080"}}]"#
        )
    }

    #[test]
    fn fires_per_key_without_echoing_it() {
        let json = td("", &env(KEY_ID, SECRET));
        let messages = assert_fires(CODE, 2, &json);
        assert!(messages[0].contains("container `app` gets the static AWS key `AWS_ACCESS_KEY_ID` in plain text"));
        assert!(messages[1].contains("`AWS_SECRET_ACCESS_KEY`"));
        for d in findings(CODE, &json) {
            assert!(d.secret_span.is_some(), "plain-text keys must be masked");
            assert!(!d.message.contains(KEY_ID) && !d.message.contains(SECRET));
            assert!(!d.help.unwrap_or_default().contains(SECRET));
        }
    }

    #[test]
    fn fires_for_keys_passed_as_secrets() {
        let secrets = r#", "secrets": [{"name": "AWS_SECRET_ACCESS_KEY",
                          "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:keys-AbCdEf"}]"#;
        let messages =
            assert_fires(CODE, 1, &td(r#""executionRoleArn": "arn:aws:iam::123456789012:role/exec","#, secrets));
        assert!(messages[0].contains("from `secrets`"));
    }

    #[test]
    fn clean_with_a_task_role_or_without_keys() {
        let role = r#""taskRoleArn": "arn:aws:iam::123456789012:role/web","#;
        assert_clean(CODE, &td(role, &env(KEY_ID, SECRET)));
        assert_clean(CODE, &td(r#""taskRoleArn": "${TASK_ROLE}","#, &env(KEY_ID, SECRET)));
        assert_clean(CODE, &td("", r#", "environment": [{"name": "AWS_REGION", "value": "eu-west-1"}]"#));
    }

    #[test]
    fn silent_for_empty_or_placeholder_values() {
        assert_clean(CODE, &td("", &env("", " ")));
        assert_clean(CODE, &td("", &env("${AWS_ACCESS_KEY_ID}", "{{ aws_secret }}")));
        assert_clean(CODE, &td("", r#", "environment": [{"name": "AWS_ACCESS_KEY_ID"}]"#));
    }

    #[test]
    fn silent_for_bare_container_arrays() {
        let json = format!(
            r#"[{{"name": "app", "image": "nginx", "environment": [{{"name": "AWS_ACCESS_KEY_ID", "value": "{KEY_ID}"}}]}}]"#
        );
        assert_clean(CODE, &json);
    }
}
