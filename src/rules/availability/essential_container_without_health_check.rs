//! Without a container health check, ECS only knows an essential container is running, not that it works.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct EssentialContainerWithoutHealthCheck {
        code: "ECS-HA-001",
        name: "essential-container-without-health-check",
        category: Availability,
        severity: Info,
        since: "0.1.0",
        summary: "an essential container without a health check",
    }
}

impl Rule for EssentialContainerWithoutHealthCheck {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            // `essential` omitted means true; a placeholder is unknown.
            if !container.value().is_object() || container.essential() != Some(true) || container.has("healthCheck") {
                continue;
            }
            cx.report(self, container.pointer())
                .on_key()
                .message(format!(
                    "essential container {} has no `healthCheck`: ECS replaces the task when the container exits, \
                     but not when it hangs or stops serving",
                    container.display()
                ))
                .label("no `healthCheck`")
                .help(
                    "add a `healthCheck` that tests the application, e.g. {\"command\": [\"CMD-SHELL\", \"curl -f \
                     http://localhost:8080/health || exit 1\"]}; a load balancer health check covers only tasks \
                     behind that load balancer",
                )
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-HA-001";

    fn td(container_fields: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [
                {{"name": "app", "image": "nginx:1.27", "memory": 256 {container_fields}}}]}}"#
        )
    }

    #[test]
    fn fires_on_essential_containers_by_default() {
        let messages = assert_fires(CODE, 1, &td(""));
        assert!(messages[0].starts_with("essential container `app` has no `healthCheck`"));
        assert_fires(CODE, 1, &td(r#", "essential": true"#));
        assert_fires(CODE, 1, &td(r#", "healthCheck": null"#));
        assert_fires(CODE, 1, r#"[{"name": "a", "image": "x:1"}, {"name": "b", "image": "y:1", "essential": false}]"#);
    }

    #[test]
    fn health_checked_or_non_essential_containers_are_fine() {
        assert_clean(
            CODE,
            &td(r#", "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]}"#),
        );
        assert_clean(CODE, &td(r#", "healthCheck": "${HEALTH_CHECK}""#));
        assert_clean(CODE, &td(r#", "essential": false"#));
        assert_clean(CODE, &td(r#", "essential": "${ESSENTIAL}""#));
    }
}
