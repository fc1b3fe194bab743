//! AWS requires a task definition family of up to 255 letters, digits, hyphens and underscores.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::is_placeholder;
use crate::model::{Shape, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct InvalidFamilyName {
        code: "ECS-COR-045",
        name: "invalid-family-name",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a family name that is empty, too long or has invalid characters",
    }
}

/// RegisterTaskDefinition `family`: "Up to 255 letters (uppercase and lowercase), numbers,
/// underscores, and hyphens are allowed."
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
/// (checked 2026-11-23).
const MAX_LEN: usize = 255;

const INVALID_TEXT: &str = "Family contains invalid characters.";

fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

impl Rule for InvalidFamilyName {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if task.shape() == Shape::ContainerArray {
            return;
        }
        // Missing, `null` and non-string families are schema findings; placeholders are unknown.
        let Some(Value::String(family)) = task.get("family") else {
            return;
        };
        // Also template markers the placeholder detector does not know: `{TICKET}`, `%NAME%`.
        if is_placeholder(family) || (family.contains('{') && family.contains('}')) || family.contains('%') {
            return;
        }
        if family.trim().is_empty() {
            let what = if family.is_empty() { "empty" } else { "blank" };
            cx.report(self, "/family")
                .message(format!("the task definition `family` is {what}; AWS requires a family name"))
                .label(format!("{what} family"))
                .help("name the family with letters, digits, `-` and `_`, e.g. \"web\"")
                .emit();
            return;
        }
        if let Some(bad) = family.chars().find(|&c| !allowed(c)) {
            let suggestion: String = family.trim().chars().map(|c| if allowed(c) { c } else { '-' }).collect();
            cx.report(self, "/family")
                .message(format!(
                    "family `{}` contains {}; AWS rejects it: {INVALID_TEXT}",
                    family.escape_debug(),
                    describe(bad)
                ))
                .label("only letters, digits, `-` and `_` are allowed")
                .help(format!(
                    "use only ASCII letters, digits, hyphens and underscores, e.g. \"{}\" (a new family starts \
                     again at revision 1)",
                    suggestion.escape_debug()
                ))
                .emit();
            return;
        }
        // All ASCII from here, so bytes are characters.
        if family.len() > MAX_LEN {
            cx.report(self, "/family")
                .message(format!("family is {} characters long; AWS allows at most {MAX_LEN}", family.len()))
                .label(format!("longer than {MAX_LEN} characters"))
                .help(format!("shorten the family to {MAX_LEN} characters or fewer"))
                .emit();
        }
    }
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".to_string(),
        '\t' => "a tab".to_string(),
        c if c.is_control() || c.is_whitespace() => format!("the character U+{:04X}", u32::from(c)),
        c => format!("`{c}`"),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-045";

    fn td(family: &str) -> String {
        format!(
            r#"{{"family": {family}, "containerDefinitions": [{{"name": "app", "image": "nginx", "memory": 64}}]}}"#
        )
    }

    #[test]
    fn fires_on_invalid_characters_with_the_aws_text() {
        let messages = assert_fires(CODE, 1, &td(r#""my app""#));
        assert!(
            messages[0]
                .contains("family `my app` contains a space; AWS rejects it: Family contains invalid characters.")
        );
        assert_fires(CODE, 1, &td(r#""web.frontend""#));
        assert_fires(CODE, 1, &td(r#""web:3""#));
        assert_fires(CODE, 1, &td(r#""café""#));
    }

    #[test]
    fn fires_on_empty_and_long_families() {
        let messages = assert_fires(CODE, 1, &td(r#""""#));
        assert!(messages[0].contains("`family` is empty"));
        assert_fires(CODE, 1, &td(r#""  ""#));
        let messages = assert_fires(CODE, 1, &td(&format!(r#""{}""#, "a".repeat(256))));
        assert!(messages[0].contains("256 characters"));
        assert_clean(CODE, &td(&format!(r#""{}""#, "a".repeat(255))));
    }

    #[test]
    fn accepts_valid_and_unknown_families() {
        assert_clean(CODE, &td(r#""Web_01-frontend""#));
        assert_clean(CODE, &td(r#""${FAMILY}""#));
        assert_clean(CODE, &td(r#""{{ family }}-web""#));
        assert_clean(CODE, &td(r#""repro-{INSERT ticket ID}""#));
        assert_clean(CODE, &td(r#""%FAMILY%""#));
        assert_clean(CODE, &td("null"));
        assert_clean(CODE, &td("5"));
        assert_clean(CODE, r#"{"containerDefinitions": [{"name": "app", "image": "nginx", "memory": 64}]}"#);
    }

    #[test]
    fn silent_for_bare_container_arrays() {
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx"}]"#);
    }

    #[test]
    fn reads_describe_output() {
        assert_fires(
            CODE,
            1,
            r#"{"taskDefinition": {"family": "my app", "containerDefinitions": [{"name": "a", "image": "nginx", "memory": 64}]}}"#,
        );
    }
}
