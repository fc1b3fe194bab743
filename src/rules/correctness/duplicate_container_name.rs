//! Containers are addressed by name (links, dependsOn, load balancers), so AWS requires unique names.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;
use std::collections::HashMap;

declare_rule! {
    pub struct DuplicateContainerName {
        code: "ECS-COR-012",
        name: "duplicate-container-name",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "two containers with the same name",
    }
}

impl Rule for DuplicateContainerName {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // Name → pointer of the first container that uses it.
        let mut first: HashMap<&str, String> = HashMap::new();
        for container in task.containers() {
            let Some(name) = container.name() else {
                continue;
            };
            let Some(earlier) = first.get(name) else {
                first.insert(name, container.at("name"));
                continue;
            };
            cx.report(self, container.at("name"))
                .message(format!(
                    "container name `{name}` is used more than once; AWS rejects it: Container names must be \
                     unique within a Task Definition."
                ))
                .label("duplicate name")
                .related(earlier.clone(), "first used here")
                .help(format!("rename one of the `{name}` containers, or merge them if one is a leftover copy"))
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-012";

    fn td(names: &[&str]) -> String {
        let items: Vec<String> =
            names.iter().map(|n| format!(r#"{{"name": {n}, "image": "busybox:1.36", "memory": 64}}"#)).collect();
        format!(r#"{{"family": "web", "containerDefinitions": [{}]}}"#, items.join(","))
    }

    #[test]
    fn fires_on_each_repeat_with_the_aws_text() {
        let messages = assert_fires(CODE, 1, &td(&[r#""app""#, r#""log""#, r#""app""#]));
        assert!(messages[0].contains("container name `app` is used more than once"));
        assert!(messages[0].contains("Container names must be unique within a Task Definition."));
        assert_fires(CODE, 2, &td(&[r#""app""#, r#""app""#, r#""app""#]));
        assert_fires(CODE, 1, &td(&[r#""é""#, r#""é""#]));
    }

    #[test]
    fn accepts_distinct_and_unknown_names() {
        assert_clean(CODE, &td(&[r#""app""#, r#""App""#, r#""log""#]));
        assert_clean(CODE, &td(&[r#""${NAME}""#, r#""${NAME}""#]));
        assert_clean(CODE, &td(&["null", "null"]));
        assert_clean(CODE, &td(&["1", "1"]));
    }

    #[test]
    fn applies_to_bare_container_arrays() {
        assert_fires(CODE, 1, r#"[{"name": "app", "image": "nginx"}, {"name": "app", "image": "nginx"}]"#);
    }
}
