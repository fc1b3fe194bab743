//! AWS rejects an `environment` entry whose `name` is missing, empty or blank.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::is_placeholder;
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct EnvironmentVariableWithoutName {
        code: "ECS-COR-035",
        name: "environment-variable-without-name",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "an environment entry without a name",
    }
}

const AWS_TEXT: &str = "Environment variable name cannot be null or blank.";

impl Rule for EnvironmentVariableWithoutName {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            let environment = container.at("environment");
            for (i, entry) in container.array("environment").iter().enumerate() {
                // Anything but an object is a schema finding.
                let Some(object) = entry.as_object() else {
                    continue;
                };
                let at = join(&environment, i);
                let who = container.display();
                let (pointer, what, on_key) = match object.get("name") {
                    None | Some(Value::Null) => {
                        // `"Name"` or `"key"` instead of `"name"` is the usual cause.
                        let hint = object
                            .keys()
                            .find(|k| k.as_str() != "name" && matches!(k.to_ascii_lowercase().as_str(), "name" | "key"))
                            .map(|k| format!(" (it has `{k}`; the field is `name`)"))
                            .unwrap_or_default();
                        (at, format!("has no `name`{hint}"), true)
                    }
                    Some(Value::String(name)) if name.trim().is_empty() && !is_placeholder(name) => {
                        let what = if name.is_empty() { "has an empty `name`" } else { "has a blank `name`" };
                        (join(&at, "name"), what.to_string(), false)
                    }
                    // A name, a placeholder, or a wrong type (a schema finding).
                    _ => continue,
                };
                let mut report = cx
                    .report(self, pointer)
                    .message(format!("environment entry #{i} of container {who} {what}; AWS rejects it: {AWS_TEXT}"))
                    .label("no variable name")
                    .help("give the entry a `name`, e.g. {\"name\": \"LOG_LEVEL\", \"value\": \"info\"}, or remove it");
                if on_key {
                    report = report.on_key();
                }
                report.emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-035";

    fn td(environment: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256,
               "environment": {environment}}}]}}"#
        )
    }

    #[test]
    fn fires_on_missing_empty_or_blank_names_with_the_aws_text() {
        let messages = assert_fires(CODE, 1, &td(r#"[{"name": "A", "value": "1"}, {"value": "2"}]"#));
        assert!(messages[0].contains("environment entry #1 of container `app` has no `name`"));
        assert!(messages[0].contains("Environment variable name cannot be null or blank."));
        let messages = assert_fires(CODE, 1, &td(r#"[{"Name": "A", "value": "1"}]"#));
        assert!(messages[0].contains("it has `Name`; the field is `name`"));
        assert_fires(CODE, 1, &td(r#"[{"name": null, "value": "1"}]"#));
        assert_fires(CODE, 1, &td(r#"[{"name": "", "value": "1"}]"#));
        let messages = assert_fires(CODE, 1, &td(r#"[{"name": "  ", "value": "1"}]"#));
        assert!(messages[0].contains("blank `name`"));
        assert_fires(CODE, 1, &td("[{}]"));
    }

    #[test]
    fn accepts_named_and_unknown_entries() {
        assert_clean(CODE, &td(r#"[{"name": "A", "value": ""}, {"name": "B"}]"#));
        assert_clean(CODE, &td(r#"[{"name": "${VAR_NAME}", "value": "1"}]"#));
        assert_clean(CODE, &td(r#"[{"name": 5, "value": "1"}, "A=1", null]"#));
        assert_clean(CODE, &td(r#"{"A": "1"}"#));
        assert_clean(CODE, &td("null"));
    }

    #[test]
    fn applies_to_bare_container_arrays() {
        assert_fires(CODE, 1, r#"[{"name": "app", "image": "nginx", "environment": [{"value": "x"}]}]"#);
    }
}
