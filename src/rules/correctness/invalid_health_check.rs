//! A container health check only runs when its command starts with `CMD` or `CMD-SHELL` and has
//! something to run, and AWS accepts only the documented timing ranges.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{is_placeholder, known_i64};
use crate::model::{Container, TaskDefinition, join};
use crate::rule::{Rule, Severity};
use serde_json::Value;

declare_rule! {
    pub struct InvalidHealthCheck {
        code: "ECS-COR-028",
        name: "invalid-health-check",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a health check outside the documented ranges or without a CMD or CMD-SHELL command",
    }
}

/// `HealthCheck` timing fields: (field, minimum, maximum, AWS default), from the HealthCheck API
/// reference, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html
/// (checked 2026-11-23).
const RANGES: [(&str, i64, i64, &str); 4] = [
    ("interval", 5, 300, "default 30"),
    ("timeout", 2, 60, "default 5"),
    ("retries", 1, 10, "default 3"),
    ("startPeriod", 0, 300, "off by default"),
];

impl Rule for InvalidHealthCheck {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            let Some(health) = container.get("healthCheck").filter(|v| v.is_object()) else {
                continue;
            };
            let at = container.at("healthCheck");
            self.check_command(&container, health, &at, cx);
            for (field, min, max, default) in RANGES {
                let Some(value) = known_i64(health.get(field)) else {
                    continue;
                };
                if (min..=max).contains(&value) {
                    continue;
                }
                let unit = if field == "retries" { "" } else { " seconds" };
                let millis = if value >= 1000 && field != "retries" {
                    " (the value is in seconds, not milliseconds)"
                } else {
                    ""
                };
                cx.report(self, join(&at, field))
                    .message(format!(
                        "health check `{field}` of container {} is {value}; AWS accepts {min}–{max}{unit}{millis}",
                        container.display()
                    ))
                    .label(format!("outside {min}–{max}"))
                    .help(format!("set `{field}` between {min} and {max}{unit} ({default}), or remove it"))
                    .emit();
            }
        }
    }
}

impl InvalidHealthCheck {
    fn check_command(&self, container: &Container<'_>, health: &Value, at: &str, cx: &mut LintContext<'_>) {
        let pointer = join(at, "command");
        // Absent, `null` or not an array: the schema reports it.
        let Some(command) = health.get("command").and_then(Value::as_array) else {
            return;
        };
        let who = container.display();
        // `[]` and `[""]` both have nothing to run.
        let first = command.first().filter(|v| !v.as_str().is_some_and(|s| s.trim().is_empty()));
        let Some(first) = first else {
            cx.report(self, pointer)
                .message(format!(
                    "health check of container {who} has an empty `command`; AWS requires a command that \
                     starts with CMD or CMD-SHELL, and ignores health checks built into the image"
                ))
                .label("empty command")
                .help("write the check, e.g. [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"], or remove `healthCheck`")
                .emit();
            return;
        };
        let Some(first) = first.as_str().filter(|s| !is_placeholder(s)) else {
            return;
        };
        match first {
            // Docker's own way to disable a health check; ECS does not document it, so stay silent.
            "NONE" => {}
            "CMD" | "CMD-SHELL" => {
                let rest = &command[1..];
                let has_program = match first {
                    "CMD" => rest.first().and_then(Value::as_str).is_some_and(|s| !s.trim().is_empty()),
                    _ => rest.iter().filter_map(Value::as_str).any(|s| !s.trim().is_empty()),
                };
                // A non-string argument is a schema finding.
                if has_program || rest.iter().any(|v| !v.is_string()) {
                    return;
                }
                cx.report(self, join(&pointer, 0))
                    .message(format!(
                        "health check of container {who} has nothing to run after `{first}`, so it fails every \
                         time and the container never becomes HEALTHY"
                    ))
                    .label(format!("no command after `{first}`"))
                    .help(format!("add the command as the next element, e.g. [\"{first}\", \"…\"]"))
                    .emit();
            }
            _ => self.bad_prefix(container, first, &pointer, command.len(), cx),
        }
    }

    fn bad_prefix(&self, container: &Container<'_>, first: &str, pointer: &str, len: usize, cx: &mut LintContext<'_>) {
        let who = container.display();
        let shown = first.escape_debug().to_string();
        let upper = first.trim().to_ascii_uppercase();
        let at = join(pointer, 0);
        // A misspelt prefix: `cmd-shell`, `CMD_SHELL`, ` CMD`.
        let respelt = upper.replace('_', "-");
        if respelt == "CMD" || respelt == "CMD-SHELL" {
            cx.report(self, at)
                .message(format!(
                    "health check of container {who} starts with `{shown}`, not `{respelt}`; the command must \
                     start with CMD or CMD-SHELL, exactly, or the health check never runs"
                ))
                .label(format!("write `{respelt}`"))
                .help(format!("replace `{shown}` with \"{respelt}\""))
                .emit();
            return;
        }
        // The prefix and the command in one string: "CMD-SHELL curl …" or the console's "CMD-SHELL, curl …".
        for prefix in ["CMD-SHELL", "CMD"] {
            let Some(rest) = upper.strip_prefix(prefix) else {
                continue;
            };
            if !rest.starts_with([' ', ',', '\t']) {
                continue;
            }
            let tail = first.trim()[prefix.len()..].trim_start_matches([' ', ',', '\t']);
            cx.report(self, at)
                .message(format!(
                    "health check of container {who} puts `{prefix}` and the command in one string; `{prefix}` \
                     must be an element of its own, or the health check never runs"
                ))
                .label(format!("`{prefix}` must be its own element"))
                .help(format!(
                    "split it: [\"{prefix}\", \"{}\"] (the comma-separated form is only for the console)",
                    tail.escape_debug()
                ))
                .emit();
            return;
        }
        // A plain command. Docker (EC2) ignores a health check of an unknown type, so it never runs;
        // AWS's own examples use this form on Fargate, so this is a warning, not an error.
        let example = if len == 1 && first.contains(' ') { "CMD-SHELL" } else { "CMD" };
        cx.report(self, at)
            .severity(Severity::Warning)
            .message(format!(
                "health check of container {who} starts with `{shown}` instead of CMD or CMD-SHELL; the API \
                 reference requires one of them, and Docker does not run a health check of any other type, so \
                 on EC2 the container never becomes HEALTHY"
            ))
            .label("not CMD or CMD-SHELL")
            .help(format!(
                "put \"{example}\" first: \"CMD\" runs the arguments directly, \"CMD-SHELL\" runs one string with the \
                 container's shell"
            ))
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-COR-028";

    fn td(health: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256,
               "healthCheck": {health}}}]}}"#
        )
    }

    #[test]
    fn fires_on_values_outside_the_documented_ranges() {
        let messages = assert_fires(CODE, 1, &td(r#"{"command": ["CMD", "true"], "interval": 1}"#));
        assert!(messages[0].contains("health check `interval` of container `app` is 1; AWS accepts 5–300 seconds"));
        assert_fires(
            CODE,
            4,
            &td(r#"{"command": ["CMD", "true"], "interval": 301, "timeout": 61, "retries": 0, "startPeriod": -1}"#),
        );
        let messages = assert_fires(CODE, 1, &td(r#"{"command": ["CMD", "true"], "timeout": 5000}"#));
        assert!(messages[0].contains("seconds, not milliseconds"));
        assert_fires(CODE, 1, &td(r#"{"command": ["CMD", "true"], "retries": 11}"#));
    }

    #[test]
    fn accepts_the_bounds_and_the_defaults() {
        assert_clean(
            CODE,
            &td(r#"{"command": ["CMD", "true"], "interval": 5, "timeout": 2, "retries": 1, "startPeriod": 0}"#),
        );
        assert_clean(
            CODE,
            &td(r#"{"command": ["CMD", "true"], "interval": 300, "timeout": 60, "retries": 10, "startPeriod": 300}"#),
        );
        // Omitted fields take the AWS defaults.
        assert_clean(CODE, &td(r#"{"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]}"#));
        // Wrong types are schema findings.
        assert_clean(CODE, &td(r#"{"command": ["CMD", "true"], "interval": "1", "timeout": null}"#));
    }

    #[test]
    fn fires_on_empty_or_argument_less_commands() {
        let messages = assert_fires(CODE, 1, &td(r#"{"command": []}"#));
        assert!(messages[0].contains("empty `command`"));
        assert_fires(CODE, 1, &td(r#"{"command": [""]}"#));
        let messages = assert_fires(CODE, 1, &td(r#"{"command": ["CMD-SHELL"]}"#));
        assert!(messages[0].contains("nothing to run after `CMD-SHELL`"));
        assert_fires(CODE, 1, &td(r#"{"command": ["CMD", ""]}"#));
        assert_fires(CODE, 1, &td(r#"{"command": ["CMD-SHELL", " "]}"#));
    }

    #[test]
    fn fires_on_misspelt_or_merged_prefixes() {
        let messages = assert_fires(CODE, 1, &td(r#"{"command": ["cmd-shell", "curl -f http://localhost/"]}"#));
        assert!(messages[0].contains("not `CMD-SHELL`"));
        assert_fires(CODE, 1, &td(r#"{"command": ["CMD_SHELL", "curl -f http://localhost/"]}"#));
        let messages = assert_fires(CODE, 1, &td(r#"{"command": ["CMD-SHELL, curl -f http://localhost/ || exit 1"]}"#));
        assert!(messages[0].contains("in one string"));
        let found = findings(CODE, &td(r#"{"command": ["CMD-SHELL curl -f http://localhost/"]}"#));
        assert_eq!(found.len(), 1);
        assert!(found[0].help.as_deref().unwrap_or_default().contains(r#"["CMD-SHELL", "curl -f http://localhost/"]"#));
    }

    #[test]
    fn warns_on_a_command_without_prefix() {
        let found = findings(CODE, &td(r#"{"command": ["/healthcheck"]}"#));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, crate::rule::Severity::Warning);
        assert!(found[0].message.contains("starts with `/healthcheck` instead of CMD or CMD-SHELL"));
        assert_fires(CODE, 1, &td(r#"{"command": ["curl", "-f", "http://localhost/"]}"#));
    }

    #[test]
    fn ignores_none_placeholders_and_shapes_the_schema_reports() {
        assert_clean(CODE, &td(r#"{"command": ["NONE"]}"#));
        assert_clean(CODE, &td(r#"{"command": ["${HEALTH_CMD}"]}"#));
        assert_clean(CODE, &td(r#"{"command": ["CMD-SHELL", "${CHECK}"]}"#));
        assert_clean(CODE, &td(r#"{"command": "CMD-SHELL curl localhost"}"#));
        assert_clean(CODE, &td(r#"{"command": [42]}"#));
        assert_clean(CODE, &td(r#"{"command": ["CMD", 42]}"#));
        assert_clean(CODE, &td("null"));
        assert_clean(CODE, &td(r#"["CMD", "true"]"#));
    }

    #[test]
    fn applies_to_bare_container_arrays() {
        assert_fires(
            CODE,
            1,
            r#"[{"name": "a", "image": "nginx", "healthCheck": {"command": ["CMD", "true"], "retries": 0}}]"#,
        );
    }
}
