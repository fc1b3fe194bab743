//! Organisations rely on tags (owner, cost centre) to attribute and govern task definitions.

use crate::context::LintContext;
use crate::declare_rule;
use crate::input::detect::has_read_only_fields;
use crate::model::known::{is_opaque, is_present, known_str};
use crate::model::{Shape, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct MissingRequiredTags {
        code: "ECS-SEC-023",
        name: "missing-required-tags",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a task definition without the tags the configuration requires",
    }
}

impl Rule for MissingRequiredTags {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let required = &cx.settings.options.required_tags;
        // describe-task-definition returns tags beside `taskDefinition` (and only with `--include TAGS`),
        // and a bare container array has no task level: the tags cannot be seen in either.
        if required.is_empty() || task.shape() != Shape::RegisterRequest {
            return;
        }
        let tags = task.get("tags");
        let present: Vec<&str> = match tags {
            // An unwrapped describe output lost its tags with the wrapper.
            None | Some(Value::Null) if has_read_only_fields(task.value()) => return,
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => {
                // A tag whose key is a placeholder might be any of the required ones.
                if items.iter().any(|t| t.get("key").is_some_and(is_opaque)) {
                    return;
                }
                items.iter().filter_map(|t| known_str(t.get("key"))).collect()
            }
            Some(_) => return, // a placeholder or a schema error
        };
        let missing: Vec<String> =
            required.iter().filter(|k| !present.contains(&k.as_str())).map(|k| format!("`{k}`")).collect();
        if missing.is_empty() {
            return;
        }
        let (what, them) = if missing.len() == 1 { ("tag", "it") } else { ("tags", "them") };
        let list = missing.join(", ");
        let report = if is_present(tags) { cx.report(self, "/tags") } else { cx.report(self, "") };
        report
            .on_key()
            .message(format!("the task definition lacks the required {what} {list} (option `required-tags`)"))
            .label(format!("missing {list}"))
            .help(format!(
                "add {them} to `tags`, e.g. {{\"key\": \"{}\", \"value\": \"...\"}}",
                required.iter().find(|k| !present.contains(&k.as_str())).map_or("", String::as_str)
            ))
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::messages_with;

    const CODE: &str = "ECS-SEC-023";

    /// Messages of this rule with `required-tags` set to `required`.
    fn messages(required: &[&str], json: &str) -> Vec<String> {
        messages_with(CODE, json, |s| s.options.required_tags = required.iter().map(|t| t.to_string()).collect())
    }

    fn td(tags: &str) -> String {
        format!(
            r#"{{"family": "web", {tags} "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 512}}]}}"#
        )
    }

    const TEAM: &str = r#""tags": [{"key": "team", "value": "payments"}],"#;

    #[test]
    fn fires_once_listing_every_missing_key() {
        let found = messages(&["team", "cost-center"], &td(TEAM));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("lacks the required tag `cost-center`"), "{found:?}");
        let found = messages(&["team", "cost-center"], &td(""));
        assert!(found[0].contains("required tags `team`, `cost-center`"), "{found:?}");
        assert_eq!(messages(&["team"], &td(r#""tags": [],"#)).len(), 1);
        assert_eq!(messages(&["Team"], &td(TEAM)).len(), 1, "tag keys are case-sensitive");
    }

    #[test]
    fn clean_when_present_or_not_configured() {
        assert!(messages(&["team"], &td(TEAM)).is_empty());
        assert!(messages(&[], &td("")).is_empty());
        assert!(crate::rules::tester::findings(CODE, &td("")).is_empty(), "the default requires no tag");
    }

    #[test]
    fn silent_for_placeholders_describe_output_and_bare_arrays() {
        assert!(messages(&["team"], &td(r#""tags": [{"key": "${TAG_KEY}", "value": "x"}],"#)).is_empty());
        assert!(messages(&["team"], &td(r#""tags": "${TAGS}","#)).is_empty());
        let describe = r#"{"taskDefinition": {"family": "web", "containerDefinitions": [{"name": "a", "image": "nginx", "memory": 512}]}}"#;
        assert!(messages(&["team"], describe).is_empty());
        let unwrapped = r#"{"taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3", "revision": 3,
            "family": "web", "containerDefinitions": [{"name": "a", "image": "nginx", "memory": 512}]}"#;
        assert!(messages(&["team"], unwrapped).is_empty());
        assert!(messages(&["team"], r#"[{"name": "a", "image": "nginx"}]"#).is_empty());
    }
}
