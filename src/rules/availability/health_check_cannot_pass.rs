//! A `CMD` health check runs its arguments without a shell, so shell syntax in it makes the check fail every time.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct HealthCheckCannotPass {
        code: "ECS-HA-004",
        name: "health-check-cannot-pass",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "a CMD health check written as a shell command, which cannot pass",
    }
}

/// Shell operators that only mean something to a shell; as `CMD` arguments they are literal text.
const SHELL_TOKENS: &[&str] = &["||", "&&", "|", ";", ">", ">>", "<", "2>&1", ">/dev/null"];

impl Rule for HealthCheckCannotPass {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            let Some(command) = container.get("healthCheck").and_then(|h| h.get("command")).and_then(Value::as_array)
            else {
                continue;
            };
            if command.first().and_then(Value::as_str) != Some("CMD") {
                continue;
            }
            let pointer = container.at("healthCheck/command");
            let Some(program) = command.get(1).and_then(|v| known_str(Some(v))) else {
                continue;
            };
            let (index, message, label) = if program.trim() != program || program.contains(char::is_whitespace) {
                (
                    1,
                    format!(
                        "the `CMD` health check of container {} runs `{program}` as one program name, without a \
                         shell; no such program exists, so the check fails every time and the container never \
                         becomes healthy",
                        container.display()
                    ),
                    "run as a single program name",
                )
            } else {
                let Some((index, token)) = command
                    .iter()
                    .enumerate()
                    .skip(2)
                    .find_map(|(i, v)| v.as_str().filter(|s| SHELL_TOKENS.contains(s)).map(|s| (i, s)))
                else {
                    continue;
                };
                (
                    index,
                    format!(
                        "the `CMD` health check of container {} passes `{token}` to `{program}` as a literal \
                         argument: `CMD` runs without a shell, so the shell syntax is not interpreted and the \
                         check does not do what it says",
                        container.display()
                    ),
                    "not interpreted: no shell",
                )
            };
            cx.report(self, join(&pointer, index))
                .message(message)
                .label(label)
                .related(join(&pointer, 0), "`CMD` runs the arguments directly")
                .help(
                    "use `CMD-SHELL` with the whole command as one string, e.g. [\"CMD-SHELL\", \"curl -f \
                     http://localhost/ || exit 1\"], or keep `CMD` and give the program and each argument as \
                     separate elements without shell syntax",
                )
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-HA-004";

    fn td(command: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [
                {{"name": "app", "image": "nginx:1.27", "memory": 256, "healthCheck": {{"command": {command}}}}}]}}"#
        )
    }

    #[test]
    fn fires_on_a_shell_string_under_cmd() {
        let messages = assert_fires(CODE, 1, &td(r#"["CMD", "curl -f http://localhost/ || exit 1"]"#));
        assert!(messages[0].starts_with(
            "the `CMD` health check of container `app` runs `curl -f http://localhost/ || exit 1` as one program name"
        ));
        assert_fires(CODE, 1, &td(r#"["CMD", "curl -f http://localhost/"]"#));
        assert_fires(
            CODE,
            1,
            r#"[{"name": "a", "image": "x:1", "healthCheck": {"command": ["CMD", "wget -q -O- localhost"]}}]"#,
        );
    }

    #[test]
    fn fires_on_shell_operators_as_arguments() {
        let messages = assert_fires(CODE, 1, &td(r#"["CMD", "curl", "-f", "http://localhost/", "||", "exit", "1"]"#));
        assert!(messages[0].contains("passes `||` to `curl` as a literal argument"));
    }

    #[test]
    fn correct_forms_pass() {
        assert_clean(CODE, &td(r#"["CMD-SHELL", "curl -f http://localhost/ || exit 1"]"#));
        assert_clean(CODE, &td(r#"["CMD", "curl", "-f", "http://localhost/"]"#));
        assert_clean(CODE, &td(r#"["CMD", "/bin/sh", "-c", "curl -f http://localhost/ || exit 1"]"#));
        assert_clean(CODE, &td(r#"["CMD", "/healthcheck"]"#));
    }

    #[test]
    fn ignores_placeholders_and_other_shapes() {
        assert_clean(CODE, &td(r#"["CMD", "${HEALTH_COMMAND}"]"#));
        assert_clean(CODE, &td(r#"["CMD"]"#));
        assert_clean(CODE, &td(r#""CMD curl""#));
        assert_clean(CODE, &td(r#"["curl -f http://localhost/ || exit 1"]"#));
        assert_clean(CODE, &td("null"));
    }
}
