//! Tags that AWS reserves (`aws:`) or that repeat a key are rejected; the schema already checks counts and lengths.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{Shape, TaskDefinition};
use crate::rule::{Rule, Severity};
use serde_json::Value;

declare_rule! {
    pub struct InvalidTags {
        code: "ECS-COR-042",
        name: "invalid-tags",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "tags with the reserved aws: prefix or a repeated key",
    }
}

/// `aws:`, `AWS:`, `Aws:` … (the prefix is reserved in any case).
fn reserved(text: &str) -> bool {
    text.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("aws:"))
}

impl Rule for InvalidTags {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if task.shape() == Shape::ContainerArray {
            return;
        }
        let Some(tags) = task.get("tags").and_then(Value::as_array) else {
            return;
        };
        let mut seen: Vec<(&str, usize)> = Vec::new();
        for (i, tag) in tags.iter().enumerate() {
            let key = known_str(tag.get("key")).filter(|k| !k.is_empty());
            if let Some(key) = key {
                if reserved(key) {
                    cx.report(self, format!("/tags/{i}/key"))
                        .message(format!(
                            "tag key `{key}` starts with `aws:`, a prefix reserved for AWS use that user-defined tags \
                             cannot have"
                        ))
                        .label("reserved `aws:` prefix")
                        .help(
                            "remove the tag (AWS adds its `aws:` tags itself, e.g. when CloudFormation creates the \
                             task definition) or rename the key",
                        )
                        .emit();
                } else if let Some(&(_, first)) = seen.iter().find(|(k, _)| *k == key) {
                    cx.report(self, format!("/tags/{i}/key"))
                        .message(format!(
                            "tag key `{key}` is used more than once; AWS rejects it: Multiple tags contain the same key."
                        ))
                        .label("duplicate tag key")
                        .related(format!("/tags/{first}/key"), "first used here")
                        .help("keep one tag per key (keys are case-sensitive)")
                        .emit();
                } else {
                    seen.push((key, i));
                }
            }
            if let Some(value) = known_str(tag.get("value")).filter(|v| reserved(v)) {
                cx.report(self, format!("/tags/{i}/value"))
                    .severity(Severity::Warning)
                    .message(format!(
                        "the value of tag {} starts with `aws:`, a prefix AWS documents as reserved for tag keys \
                         and values",
                        key.map_or_else(|| format!("#{i}"), |k| format!("`{k}`"))
                    ))
                    .label(format!("`{}…` is reserved", value.get(..4).unwrap_or("aws:")))
                    .help("change the value so it does not start with `aws:`")
                    .emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::Severity;
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-COR-042";

    fn td(tags: &str) -> String {
        format!(
            r#"{{"family": "web", "tags": {tags},
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256}}]}}"#
        )
    }

    #[test]
    fn reserved_keys_in_any_case() {
        let messages = assert_fires(CODE, 1, &td(r#"[{"key": "aws:cloudformation:stack-name", "value": "web"}]"#));
        assert!(messages[0].starts_with("tag key `aws:cloudformation:stack-name` starts with `aws:`"));
        assert_fires(CODE, 1, &td(r#"[{"key": "AWS:team", "value": "a"}]"#));
        assert_fires(CODE, 1, &td(r#"[{"key": "Aws:team", "value": "a"}]"#));
    }

    #[test]
    fn reserved_values_are_warnings() {
        let found = findings(CODE, &td(r#"[{"key": "origin", "value": "AWS:managed"}]"#));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
    }

    #[test]
    fn duplicate_keys_quote_aws() {
        let messages = assert_fires(
            CODE,
            1,
            &td(r#"[{"key": "team", "value": "a"}, {"key": "Team", "value": "b"}, {"key": "team", "value": "c"}]"#),
        );
        assert_eq!(
            messages[0],
            "tag key `team` is used more than once; AWS rejects it: Multiple tags contain the same key."
        );
    }

    #[test]
    fn clean_tags() {
        assert_clean(CODE, &td(r#"[{"key": "team", "value": "payments"}, {"key": "awsome", "value": "aws"}]"#));
        assert_clean(CODE, &td("[]"));
        assert_clean(CODE, &td("null"));
    }

    #[test]
    fn opaque_and_odd_values() {
        assert_clean(CODE, &td(r#"[{"key": "${TAG}", "value": "a"}, {"key": "${TAG}", "value": "b"}]"#));
        assert_clean(CODE, &td(r#"[{"key": 5}, null, "x", {"value": "a"}, {"key": "é", "value": "ü"}]"#));
        assert_clean(CODE, &td(r#"{"team": "a"}"#));
    }
}
