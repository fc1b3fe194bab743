//! The container a load balancer sends traffic to is the one whose health matters most: without a
//! container health check, ECS only learns it is broken from the load balancer.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{Service, TaskDefinition, join};
use crate::rule::Rule;

declare_rule! {
    pub struct LoadBalancedContainerWithoutHealthCheck {
        code: "ECS-HA-014",
        name: "load-balanced-container-without-health-check",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "an essential container behind a load balancer without a container health check",
    }
}

impl Rule for LoadBalancedContainerWithoutHealthCheck {
    fn check_service(&self, service: &Service<'_>, task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        let Some(task) = task else { return };
        let containers = task.containers();
        let mut reported: Vec<usize> = Vec::new();
        for (i, entry) in service.array("loadBalancers").iter().enumerate() {
            let Some(name) = known_str(entry.get("containerName")) else { continue };
            // An unknown container is ECS-COR-049.
            let Some(container) = containers.iter().find(|c| c.name() == Some(name)) else { continue };
            if reported.contains(&container.index())
                || container.essential() != Some(true)
                || container.has("healthCheck")
            {
                continue;
            }
            reported.push(container.index());
            let entry_at = join(&Service::pointer(&["loadBalancers", &i.to_string()]), "containerName");
            cx.report(self, container.at("name"))
                .in_task_definition()
                .message(format!(
                    "container {} receives the service's load-balancer traffic and is essential, but has no \
                     `healthCheck`; ECS sees a hung or broken process only through the load balancer's check, and \
                     a deployment counts its tasks healthy on that check alone",
                    container.display()
                ))
                .label("no container health check")
                .related_service(entry_at, "the load balancer sends traffic to this container")
                .help(
                    "add a `healthCheck` that tests the application from inside the container, e.g. \
                     {\"command\": [\"CMD-SHELL\", \"curl -f http://localhost:8080/health || exit 1\"], \
                     \"startPeriod\": 30}",
                )
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostic;
    use crate::rules::tester::assert_clean;

    const CODE: &str = "ECS-HA-014";

    fn linked(service: &str, task: &str) -> Vec<Diagnostic> {
        crate::rules::tester::linked(CODE, service, task)
    }

    const TG: &str = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef";

    fn service(container: &str) -> String {
        format!(
            r#"{{"serviceName": "web", "taskDefinition": "web:4", "desiredCount": 2, "loadBalancers": [
                {{"targetGroupArn": "{TG}", "containerName": "{container}", "containerPort": 8080}},
                {{"targetGroupArn": "{TG}2", "containerName": "{container}", "containerPort": 8080}}]}}"#
        )
    }

    fn task(app: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [
                {{"name": "app", "image": "nginx:1.27", "memory": 256, "portMappings": [{{"containerPort": 8080}}]{app}}},
                {{"name": "log-router", "image": "fluent-bit:3", "memory": 64, "essential": false}}]}}"#
        )
    }

    #[test]
    fn essential_container_without_health_check_is_reported_in_the_task_definition() {
        let found = linked(&service("app"), &task(""));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].file.ends_with("td.json"));
        assert_eq!(found[0].pointer, "/containerDefinitions/0/name");
        assert!(found[0].message.contains("container `app` receives the service's load-balancer traffic"));
        assert!(found[0].related[0].file.ends_with("svc.json"));
        assert_eq!(found[0].related[0].pointer, "/loadBalancers/0/containerName");
        // `essential` defaults to true.
        assert_eq!(linked(&service("app"), &task(r#", "essential": true"#)).len(), 1);
    }

    #[test]
    fn health_checked_or_non_essential_containers_are_clean() {
        let checked = r#", "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"]}"#;
        assert!(linked(&service("app"), &task(checked)).is_empty());
        assert!(linked(&service("app"), &task(r#", "essential": false"#)).is_empty());
        assert!(linked(&service("log-router"), &task("")).is_empty());
        assert!(linked(&service("missing"), &task("")).is_empty());
    }

    #[test]
    fn placeholders_are_opaque() {
        assert!(linked(&service("${CONTAINER}"), &task("")).is_empty());
        assert!(linked(&service("app"), &task(r#", "essential": "${ESSENTIAL}""#)).is_empty());
        assert!(linked(&service("app"), &task(r#", "healthCheck": "${HEALTH_CHECK}""#)).is_empty());
    }

    #[test]
    fn unresolved_task_definition_is_silent() {
        assert_clean(CODE, &service("app"));
    }
}
