//! A HEALTHY dependency can only be met by a container that has a health check.

use super::depends_on_unknown_container::{dependencies, find};
use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct DependsOnHealthyWithoutHealthCheck {
        code: "ECS-COR-018",
        name: "depends-on-healthy-without-health-check",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a HEALTHY dependency on a container without a health check",
    }
}

impl Rule for DependsOnHealthyWithoutHealthCheck {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let containers = task.containers();
        for dep in dependencies(&containers) {
            if dep.condition != Some("HEALTHY") {
                continue;
            }
            let Some(target) = dep.target.and_then(|name| find(&containers, name)) else {
                continue;
            };
            if target.has("healthCheck") {
                continue;
            }
            let name = target.label();
            cx.report(self, dep.at("condition"))
                .message(format!(
                    "container `{}` waits for `{name}` to be HEALTHY, but `{name}` has no `healthCheck`; \
                     HEALTHY requires that the dependency has health checks configured, so the task cannot start",
                    dep.from.label()
                ))
                .label("needs a health check on the dependency")
                .related(target.at("name"), format!("`{name}` has no `healthCheck`"))
                .help(format!("add a `healthCheck` to `{name}`, or wait for it with START instead"))
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-COR-018";

    fn td(condition: &str, db: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [
                {{"name": "app", "image": "nginx",
                  "dependsOn": [{{"containerName": "db", "condition": "{condition}"}}]}},
                {{"name": "db", "image": "postgres:16"{db}}}]}}"#
        )
    }

    const HEALTH: &str = r#", "healthCheck": {"command": ["CMD-SHELL", "pg_isready -U postgres || exit 1"]}"#;

    #[test]
    fn fires_without_a_health_check() {
        let text = td("HEALTHY", "");
        let messages = assert_fires(CODE, 1, &text);
        assert!(messages[0].contains("container `app` waits for `db` to be HEALTHY"));
        assert!(messages[0].contains("`db` has no `healthCheck`"));
        let found = findings(CODE, &text);
        assert_eq!(found[0].pointer, "/containerDefinitions/0/dependsOn/0/condition");
        assert_fires(CODE, 1, &td("HEALTHY", r#", "healthCheck": null"#));
    }

    #[test]
    fn clean_with_a_health_check_or_another_condition() {
        assert_clean(CODE, &td("HEALTHY", HEALTH));
        assert_clean(CODE, &td("START", ""));
        assert_clean(CODE, &td("healthy", ""));
    }

    #[test]
    fn silent_on_placeholders() {
        assert_clean(CODE, &td("${CONDITION}", ""));
        assert_clean(CODE, &td("HEALTHY", r#", "healthCheck": "${HEALTH_CHECK}""#));
        let opaque_target = r#"{"family": "web", "containerDefinitions": [
            {"name": "app", "image": "nginx",
             "dependsOn": [{"containerName": "<db-name>", "condition": "HEALTHY"}]},
            {"name": "db", "image": "postgres:16"}]}"#;
        assert_clean(CODE, opaque_target);
    }

    #[test]
    fn works_on_a_bare_container_array() {
        let text = r#"[{"name": "app", "image": "nginx",
            "dependsOn": [{"containerName": "db", "condition": "HEALTHY"}]},
            {"name": "db", "image": "postgres:16"}]"#;
        assert_fires(CODE, 1, text);
    }
}
