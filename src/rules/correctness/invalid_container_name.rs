//! AWS requires every container name: up to 255 letters, digits, hyphens and underscores.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::is_placeholder;
use crate::model::{Container, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct InvalidContainerName {
        code: "ECS-COR-013",
        name: "invalid-container-name",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a container name that is missing, empty, too long or has invalid characters",
    }
}

/// `ContainerDefinition.name`: "Up to 255 letters (uppercase and lowercase), numbers, underscores,
/// and hyphens are allowed."
const MAX_LEN: usize = 255;

const EMPTY_TEXT: &str = "Container.name should not be null or empty.";

fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

impl Rule for InvalidContainerName {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            // Only objects: anything else is a schema finding.
            if !container.value().is_object() {
                continue;
            }
            match container.get("name") {
                None | Some(Value::Null) => self.missing(&container, cx),
                Some(Value::String(name)) if name.is_empty() => {
                    cx.report(self, container.at("name"))
                        .message(format!(
                            "container #{} has an empty `name`; AWS rejects it: {EMPTY_TEXT}",
                            container.index()
                        ))
                        .label("empty name")
                        .help("give the container a name of letters, digits, `-` and `_`, e.g. \"app\"")
                        .emit();
                }
                Some(Value::String(name)) if !is_placeholder(name) => self.check_text(&container, name, cx),
                // A placeholder, or a value of the wrong type (a schema finding).
                _ => {}
            }
        }
    }
}

impl InvalidContainerName {
    fn missing(&self, container: &Container<'_>, cx: &mut LintContext<'_>) {
        let image = container.image().map(|image| format!(" (image `{image}`)")).unwrap_or_default();
        cx.report(self, container.pointer())
            .on_key()
            .message(format!("container #{}{image} has no `name`; AWS rejects it: {EMPTY_TEXT}", container.index()))
            .label("no `name`")
            .help("add a `name` of letters, digits, `-` and `_`, e.g. \"app\"")
            .emit();
    }

    fn check_text(&self, container: &Container<'_>, name: &str, cx: &mut LintContext<'_>) {
        if let Some(bad) = name.chars().find(|&c| !allowed(c)) {
            let suggestion: String = name.chars().map(|c| if allowed(c) { c } else { '-' }).collect();
            cx.report(self, container.at("name"))
                .message(format!(
                    "container name `{name}` contains {}; AWS rejects it: Container.name contains \
                     invalid characters.",
                    describe(bad),
                    name = name.escape_debug()
                ))
                .label("only letters, digits, `-` and `_` are allowed")
                .help(format!(
                    "use only ASCII letters, digits, hyphens and underscores, e.g. \"{suggestion}\" \
                     (and update any `links`, `dependsOn` or load balancer that names it)"
                ))
                .emit();
            return;
        }
        // All ASCII from here, so bytes are characters.
        if name.len() > MAX_LEN {
            cx.report(self, container.at("name"))
                .message(format!("container name is {} characters long; AWS allows at most {MAX_LEN}", name.len()))
                .label(format!("longer than {MAX_LEN} characters"))
                .help(format!("shorten the name to {MAX_LEN} characters or fewer"))
                .emit();
        }
    }
}

/// A readable name for an offending character.
fn describe(c: char) -> String {
    match c {
        ' ' => "a space".to_string(),
        '\t' => "a tab".to_string(),
        c if c.is_control() => format!("the control character U+{:04X}", u32::from(c)),
        c if c.is_whitespace() => format!("the whitespace character U+{:04X}", u32::from(c)),
        c => format!("`{c}`"),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-013";

    fn td(container: &str) -> String {
        format!(r#"{{"family": "web", "containerDefinitions": [{{"image": "nginx:1.27", "memory": 64 {container}}}]}}"#)
    }

    #[test]
    fn fires_on_missing_or_empty_names_with_the_aws_text() {
        let messages = assert_fires(CODE, 1, &td(""));
        assert!(messages[0].contains("container #0 (image `nginx:1.27`) has no `name`"));
        assert!(messages[0].contains("Container.name should not be null or empty."));
        assert_fires(CODE, 1, &td(r#", "name": null"#));
        let messages = assert_fires(CODE, 1, &td(r#", "name": """#));
        assert!(messages[0].contains("Container.name should not be null or empty."));
    }

    #[test]
    fn fires_on_invalid_characters() {
        let messages = assert_fires(CODE, 1, &td(r#", "name": "my app""#));
        assert!(messages[0].contains("container name `my app` contains a space"));
        assert!(messages[0].contains("Container.name contains invalid characters."));
        assert_fires(CODE, 1, &td(r#", "name": "web.frontend""#));
        assert_fires(CODE, 1, &td(r#", "name": "café""#));
        assert_fires(CODE, 1, &td(r#", "name": " ""#));
        assert_fires(CODE, 1, &td(r#", "name": "a\u0000b""#));
    }

    #[test]
    fn fires_on_names_over_255_characters() {
        let long = "a".repeat(256);
        let messages = assert_fires(CODE, 1, &td(&format!(r#", "name": "{long}""#)));
        assert!(messages[0].contains("256 characters"));
        assert_clean(CODE, &td(&format!(r#", "name": "{}""#, "a".repeat(255))));
    }

    #[test]
    fn accepts_valid_and_unknown_names() {
        assert_clean(CODE, &td(r#", "name": "App_01-web""#));
        assert_clean(CODE, &td(r#", "name": "-leading""#));
        assert_clean(CODE, &td(r#", "name": "${CONTAINER_NAME}""#));
        assert_clean(CODE, &td(r#", "name": "{{ name }}""#));
        assert_clean(CODE, &td(r#", "name": 42"#));
        assert_clean(CODE, r#"{"family": "web", "containerDefinitions": ["app", null]}"#);
    }

    #[test]
    fn applies_to_bare_container_arrays() {
        assert_fires(CODE, 1, r#"[{"image": "nginx"}, {"name": "ok", "image": "nginx"}]"#);
    }
}
