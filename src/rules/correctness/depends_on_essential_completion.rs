//! A container can only be waited on to exit (SUCCESS or COMPLETE) when it is not essential.

use super::depends_on_unknown_container::{dependencies, find};
use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct DependsOnEssentialCompletion {
        code: "ECS-COR-017",
        name: "depends-on-essential-completion",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a SUCCESS or COMPLETE dependency on an essential container",
    }
}

impl Rule for DependsOnEssentialCompletion {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let containers = task.containers();
        for dep in dependencies(&containers) {
            let Some(condition @ ("SUCCESS" | "COMPLETE")) = dep.condition else {
                continue;
            };
            let Some(target) = dep.target.and_then(|name| find(&containers, name)) else {
                continue;
            };
            if target.essential() != Some(true) {
                continue;
            }
            let name = target.label();
            let (related_at, related) = if target.has("essential") {
                (target.at("essential"), format!("`{name}` is essential here"))
            } else {
                (target.at("name"), format!("`{name}` is essential: `essential` is omitted and defaults to true"))
            };
            cx.report(self, dep.at("condition"))
                .message(format!(
                    "container `{}` waits for `{name}` to {}, but `{name}` is essential; AWS rejects it: \
                     A dependency container with SUCCESS or COMPLETE condition cannot be an essential container",
                    dep.from.label(),
                    if condition == "SUCCESS" { "exit successfully" } else { "exit" },
                ))
                .label(format!("{condition} needs a non-essential container"))
                .related(related_at, related)
                .help(format!("set \"essential\": false on `{name}`, or wait for it with START or HEALTHY instead"))
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-COR-017";

    fn td(condition: &str, init: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [
                {{"name": "app", "image": "nginx",
                  "dependsOn": [{{"containerName": "init", "condition": "{condition}"}}]}},
                {{"name": "init", "image": "busybox"{init}}}]}}"#
        )
    }

    #[test]
    fn fires_when_essential_is_omitted_with_the_aws_text() {
        let text = td("SUCCESS", "");
        let messages = assert_fires(CODE, 1, &text);
        assert!(messages[0].contains("container `app` waits for `init` to exit successfully"));
        assert!(
            messages[0]
                .contains("A dependency container with SUCCESS or COMPLETE condition cannot be an essential container")
        );
        let found = findings(CODE, &text);
        assert_eq!(found[0].pointer, "/containerDefinitions/0/dependsOn/0/condition");
        assert!(found[0].labels[0].message.contains("defaults to true"));
    }

    #[test]
    fn fires_when_essential_is_true() {
        let text = td("COMPLETE", r#", "essential": true"#);
        assert_fires(CODE, 1, &text);
        assert!(findings(CODE, &text)[0].labels[0].message.contains("essential here"));
    }

    #[test]
    fn clean_for_non_essential_targets_and_other_conditions() {
        assert_clean(CODE, &td("SUCCESS", r#", "essential": false"#));
        assert_clean(CODE, &td("START", ""));
        assert_clean(CODE, &td("HEALTHY", r#", "healthCheck": {"command": ["CMD", "true"]}"#));
        // Conditions are case-sensitive: `success` is a schema error, not this rule.
        assert_clean(CODE, &td("success", ""));
    }

    #[test]
    fn silent_on_placeholders() {
        assert_clean(CODE, &td("${CONDITION}", ""));
        assert_clean(CODE, &td("SUCCESS", r#", "essential": "${ESSENTIAL}""#));
        let opaque_target = r#"{"family": "web", "containerDefinitions": [
            {"name": "app", "image": "nginx",
             "dependsOn": [{"containerName": "${INIT}", "condition": "SUCCESS"}]},
            {"name": "init", "image": "busybox"}]}"#;
        assert_clean(CODE, opaque_target);
    }

    #[test]
    fn unknown_targets_are_left_to_depends_on_unknown_container() {
        let text = r#"{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx",
            "dependsOn": [{"containerName": "init", "condition": "SUCCESS"}]}]}"#;
        assert_clean(CODE, text);
    }

    #[test]
    fn works_on_a_bare_container_array() {
        let text = r#"[{"name": "app", "image": "nginx",
            "dependsOn": [{"containerName": "init", "condition": "COMPLETE"}]},
            {"name": "init", "image": "busybox"}]"#;
        assert_fires(CODE, 1, text);
    }
}
