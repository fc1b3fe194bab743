//! A service has at most one service registry, and its container name and port must come from
//! the task definition, or AWS rejects the service.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{is_opaque, known_str};
use crate::model::{Container, Service, TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct ServiceRegistryMismatch {
        code: "ECS-COR-053",
        name: "service-registry-mismatch",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "service registries that do not match the task definition's containers and ports",
    }
}

impl Rule for ServiceRegistryMismatch {
    fn check_service(&self, service: &Service<'_>, task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        let registries = service.array("serviceRegistries");
        let objects: Vec<usize> =
            (0..registries.len()).filter(|&i| registries.get(i).is_some_and(Value::is_object)).collect();
        if let [first, second, ..] = objects.as_slice() {
            cx.report(self, format!("/serviceRegistries/{second}"))
                .message(format!(
                    "service has {} service registries; AWS allows one: Each service may be associated with one \
                     service registry. Multiple service registries for each service isn't supported.",
                    objects.len()
                ))
                .label("a second service registry")
                .related(format!("/serviceRegistries/{first}"), "the first one")
                .help("keep one entry in `serviceRegistries`; to be found under several names, use Service Connect")
                .emit();
        }
        let Some(task) = task else { return };
        let Some(containers) = known_containers(task) else { return };
        let family = task.describe();
        for (i, entry) in registries.iter().enumerate() {
            let at = Service::pointer(&["serviceRegistries", &i.to_string()]);
            let Some(name) = known_str(entry.get("containerName")) else { continue };
            let Some(container) = containers.iter().find(|c| c.name() == Some(name)) else {
                let names: Vec<String> = containers.iter().filter_map(|c| c.name()).map(|n| format!("`{n}`")).collect();
                let listed = if names.is_empty() { "none".to_string() } else { names.join(", ") };
                cx.report(self, join(&at, "containerName"))
                    .message(format!(
                        "service registry names container `{name}`, which {family} does not have; the container \
                         name must be one from the task definition"
                    ))
                    .label("no such container")
                    .related_task("/containerDefinitions", format!("containers: {listed}"))
                    .help(if names.len() == 1 {
                        format!("set `containerName` to {listed}")
                    } else {
                        format!("set `containerName` to one of {listed}")
                    })
                    .emit();
                continue;
            };
            let Some(port) = entry.get("containerPort").and_then(Value::as_i64) else { continue };
            let Some(ports) = container_ports(container) else { continue };
            if ports.contains(&port) {
                continue;
            }
            let listed: Vec<String> = ports.iter().map(i64::to_string).collect();
            let (related, text) = if listed.is_empty() {
                (container.at("name"), format!("`{name}` has no port mappings"))
            } else {
                (container.at("portMappings"), format!("container ports: {}", listed.join(", ")))
            };
            cx.report(self, join(&at, "containerPort"))
                .message(format!(
                    "service registry uses port {port} of container `{name}`, which maps no such container port; the \
                     containerName and containerPort combination must come from the task definition"
                ))
                .label(format!("port {port} is not mapped by `{name}`"))
                .related_task(related, text)
                .help(if listed.is_empty() {
                    format!("add a port mapping with \"containerPort\": {port} to container `{name}`")
                } else {
                    format!(
                        "set `containerPort` to {}{}",
                        if listed.len() == 1 { "" } else { "one of " },
                        listed.join(", ")
                    )
                })
                .emit();
        }
    }
}

/// The containers, when every name is known (a placeholder name could be any container).
fn known_containers<'a>(task: &TaskDefinition<'a>) -> Option<Vec<Container<'a>>> {
    task.get("containerDefinitions")?.as_array()?;
    let containers = task.containers();
    let opaque = containers.iter().any(|c| c.get("name").is_some_and(is_opaque));
    (!opaque).then_some(containers)
}

/// The container ports a container maps; `None` when one of them cannot be known.
fn container_ports(container: &Container<'_>) -> Option<Vec<i64>> {
    let mappings = match container.get("portMappings") {
        None | Some(Value::Null) => return Some(Vec::new()),
        Some(v) => v.as_array()?,
    };
    let mut ports = Vec::new();
    for mapping in mappings {
        // A port range could hold the port: leave it to AWS.
        if mapping.get("containerPortRange").is_some_and(|v| !v.is_null()) {
            return None;
        }
        if let Some(port) = mapping.get("containerPort").filter(|v| !v.is_null()) {
            ports.push(port.as_i64()?);
        }
    }
    Some(ports)
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostic;
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-053";

    fn linked(service: &str, task: &str) -> Vec<Diagnostic> {
        crate::rules::tester::linked(CODE, service, task)
    }

    const ARN: &str = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef";

    fn service(registries: &str) -> String {
        format!(
            r#"{{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 2, "serviceRegistries": [{registries}]}}"#
        )
    }

    const TASK: &str = r#"{"family": "web", "containerDefinitions": [
        {"name": "app", "image": "nginx:1.27", "memory": 256, "portMappings": [{"containerPort": 8080}]}]}"#;

    #[test]
    fn unknown_container_and_port_are_reported() {
        let found = linked(
            &service(&format!(r#"{{"registryArn": "{ARN}", "containerName": "web", "containerPort": 8080}}"#)),
            TASK,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].file.ends_with("svc.json"));
        assert_eq!(found[0].pointer, "/serviceRegistries/0/containerName");
        assert!(found[0].message.contains("container `web`, which task definition `web` does not have"));
        assert!(found[0].related[0].file.ends_with("td.json"));
        let found = linked(
            &service(&format!(r#"{{"registryArn": "{ARN}", "containerName": "app", "containerPort": 80}}"#)),
            TASK,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].pointer, "/serviceRegistries/0/containerPort");
        assert_eq!(found[0].related[0].pointer, "/containerDefinitions/0/portMappings");
    }

    #[test]
    fn matching_registry_and_port_only_registry_are_clean() {
        assert!(
            linked(
                &service(&format!(r#"{{"registryArn": "{ARN}", "containerName": "app", "containerPort": 8080}}"#)),
                TASK
            )
            .is_empty()
        );
        assert!(linked(&service(&format!(r#"{{"registryArn": "{ARN}"}}"#)), TASK).is_empty());
        assert!(linked(&service(&format!(r#"{{"registryArn": "{ARN}", "port": 8080}}"#)), TASK).is_empty());
    }

    #[test]
    fn placeholders_are_opaque() {
        assert!(
            linked(
                &service(&format!(r#"{{"registryArn": "{ARN}", "containerName": "${{C}}", "containerPort": 1}}"#)),
                TASK
            )
            .is_empty()
        );
        let opaque = TASK.replace("8080}", r#""${PORT}"}"#);
        assert!(
            linked(
                &service(&format!(r#"{{"registryArn": "{ARN}", "containerName": "app", "containerPort": 80}}"#)),
                &opaque
            )
            .is_empty()
        );
    }

    #[test]
    fn more_than_one_registry_needs_no_task_definition() {
        let messages =
            assert_fires(CODE, 1, &service(&format!(r#"{{"registryArn": "{ARN}"}}, {{"registryArn": "{ARN}2"}}"#)));
        assert!(messages[0].contains("Multiple service registries for each service isn't supported."));
    }

    #[test]
    fn unresolved_task_definition_is_silent() {
        assert_clean(
            CODE,
            &service(&format!(r#"{{"registryArn": "{ARN}", "containerName": "nope", "containerPort": 1}}"#)),
        );
    }
}
