//! AWS rejects a task definition with no container at all, or with every container non-essential.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct NoEssentialContainer {
        code: "ECS-COR-006",
        name: "no-essential-container",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "no container in the task definition is essential, or there are no containers",
    }
}

impl Rule for NoEssentialContainer {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // Absent or not an array: the schema rules report it.
        let Some(items) = task.get("containerDefinitions").and_then(Value::as_array) else {
            return;
        };
        if items.is_empty() {
            cx.report(self, "/containerDefinitions")
                .message("the task definition has no containers; AWS rejects it: Container list cannot be empty.")
                .label("empty container list")
                .help("add at least one container definition with a `name` and an `image`")
                .emit();
            return;
        }
        let containers = task.containers();
        // Omitted `essential` means true; a placeholder or non-boolean could be true.
        if !containers.iter().all(|c| c.essential() == Some(false)) {
            return;
        }
        let names: Vec<String> = containers.iter().map(|c| c.display()).collect();
        let subject = if containers.len() == 1 {
            format!("the only container, {}, is", names.join(""))
        } else {
            format!("all {} containers ({}) are", containers.len(), names.join(", "))
        };
        let mut finding = cx
            .report(self, "/containerDefinitions")
            .message(format!(
                "{subject} marked `essential: false`; AWS rejects it: Task definition doesn't have \
                 any essential container."
            ))
            .label("no essential container");
        for container in &containers {
            finding = finding.related(container.at("essential"), "not essential");
        }
        finding
            .help(
                "mark the container whose exit should stop the task as essential: set \
                 `\"essential\": true` or remove the field (omitted means true)",
            )
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-006";

    fn td(containers: &str) -> String {
        format!(r#"{{"family": "web", "containerDefinitions": {containers}}}"#)
    }

    #[test]
    fn fires_when_every_container_is_non_essential() {
        let messages = assert_fires(
            CODE,
            1,
            &td(r#"[{"name": "app", "image": "nginx", "memory": 256, "essential": false},
                    {"name": "log", "image": "fluent-bit", "memory": 64, "essential": false}]"#),
        );
        assert!(messages[0].contains("all 2 containers (`app`, `log`) are marked `essential: false`"));
        assert!(messages[0].contains("Task definition doesn't have any essential container."));
        let messages =
            assert_fires(CODE, 1, &td(r#"[{"name": "app", "image": "nginx", "memory": 256, "essential": false}]"#));
        assert!(messages[0].contains("the only container, `app`, is"));
    }

    #[test]
    fn fires_on_an_empty_container_list() {
        let messages = assert_fires(CODE, 1, &td("[]"));
        assert!(messages[0].contains("Container list cannot be empty."));
    }

    #[test]
    fn omitted_essential_means_true() {
        assert_clean(CODE, &td(r#"[{"name": "app", "image": "nginx", "memory": 256}]"#));
        assert_clean(
            CODE,
            &td(r#"[{"name": "app", "image": "nginx", "memory": 256, "essential": null},
                    {"name": "log", "image": "fluent-bit", "memory": 64, "essential": false}]"#),
        );
        assert_clean(
            CODE,
            &td(r#"[{"name": "app", "image": "nginx", "memory": 256, "essential": true},
                    {"name": "log", "image": "fluent-bit", "memory": 64, "essential": false}]"#),
        );
    }

    #[test]
    fn stays_silent_on_unknown_values_and_shapes() {
        assert_clean(CODE, &td(r#"[{"name": "app", "image": "nginx", "memory": 256, "essential": "${ESSENTIAL}"}]"#));
        assert_clean(CODE, &td(r#"[{"name": "app", "image": "nginx", "memory": 256, "essential": "false"}]"#));
        assert_clean(CODE, &td(r#"[{"name": "app", "image": "nginx", "essential": false}, 3]"#));
        assert_clean(CODE, &td(r#"{"name": "app", "essential": false}"#));
        assert_clean(CODE, r#"{"family": "web", "networkMode": "awsvpc"}"#);
    }

    #[test]
    fn applies_to_bare_container_arrays() {
        assert_fires(CODE, 1, r#"[{"name": "app", "image": "nginx", "essential": false}]"#);
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx"}]"#);
    }
}
