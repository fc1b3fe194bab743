//! A load balancer must name a container of the task definition and one of its container ports,
//! or AWS rejects the service.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{is_opaque, is_placeholder};
use crate::model::{Container, Service, TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct LoadBalancerContainerMismatch {
        code: "ECS-COR-049",
        name: "load-balancer-container-mismatch",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a load balancer names a container or port the task definition does not have",
    }
}

impl Rule for LoadBalancerContainerMismatch {
    fn check_service(&self, service: &Service<'_>, task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        for (i, entry) in service.array("loadBalancers").iter().enumerate() {
            if !entry.is_object() {
                continue;
            }
            let at = Service::pointer(&["loadBalancers", &i.to_string()]);
            // An entry that names no load balancer at all is a different (schema) problem.
            let balanced =
                ["targetGroupArn", "loadBalancerName"].iter().any(|k| entry.get(k).is_some_and(|v| !v.is_null()));
            match entry.get("containerName") {
                None | Some(Value::Null) if balanced => cx
                    .report(self, at.as_str())
                    .on_key()
                    .message(format!(
                        "load balancer #{i} has no `containerName`; AWS rejects it: Container Name can not be blank."
                    ))
                    .label("no containerName")
                    .help("add `containerName` with the name of the container that receives the traffic")
                    .emit(),
                Some(Value::String(name)) if name.trim().is_empty() => cx
                    .report(self, join(&at, "containerName"))
                    .message(format!(
                        "load balancer #{i} has a blank `containerName`; AWS rejects it: Container Name can not be blank."
                    ))
                    .label("blank container name")
                    .help("set `containerName` to the name of the container that receives the traffic")
                    .emit(),
                Some(Value::String(name)) if !is_placeholder(name) => {
                    if let Some(task) = task {
                        self.check_entry(&at, entry, name, task, cx);
                    }
                }
                _ => {}
            }
        }
    }
}

impl LoadBalancerContainerMismatch {
    fn check_entry(&self, at: &str, entry: &Value, name: &str, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let Some(containers) = known_containers(task) else { return };
        let family = task.describe();
        let Some(container) = containers.iter().find(|c| c.name() == Some(name)) else {
            let names: Vec<String> = containers.iter().filter_map(|c| c.name()).map(|n| format!("`{n}`")).collect();
            let similar = containers.iter().filter_map(|c| c.name()).find(|n| n.eq_ignore_ascii_case(name));
            let help = match similar {
                Some(n) => format!("container names are case-sensitive: set `containerName` to \"{n}\""),
                None if names.is_empty() => format!("add a container named `{name}` to {family}"),
                None => format!("set `containerName` to {}", one_of(&names)),
            };
            cx.report(self, join(at, "containerName"))
                .message(format!(
                    "load balancer names container `{name}`, which {family} does not have; AWS rejects it: \
                     The container {name} does not exist in the task definition."
                ))
                .label("no such container")
                .related_task("/containerDefinitions", format!("containers: {}", or_none(&names)))
                .help(help)
                .emit();
            return;
        };
        let Some(port) = entry.get("containerPort").and_then(Value::as_i64) else { return };
        let Some(ports) = container_ports(container) else { return };
        if ports.iter().any(|p| p.contains(port)) {
            return;
        }
        let listed: Vec<String> = ports.iter().map(PortSpec::describe).collect();
        let (related, text) = if listed.is_empty() {
            (container.at("name"), format!("`{name}` has no port mappings"))
        } else {
            (container.at("portMappings"), format!("container ports: {}", listed.join(", ")))
        };
        let help = if listed.is_empty() {
            format!("add a port mapping with \"containerPort\": {port} to container `{name}`")
        } else {
            format!(
                "set `containerPort` to {}, or add a port mapping for {port} to container `{name}`",
                one_of(&listed)
            )
        };
        cx.report(self, join(at, "containerPort"))
            .message(format!(
                "load balancer sends traffic to port {port} of container `{name}`, which maps no such container port; \
                 AWS rejects it: The container {name} did not have a container port {port} defined."
            ))
            .label(format!("port {port} is not mapped by `{name}`"))
            .related_task(related, text)
            .help(help)
            .emit();
    }
}

/// The containers, when every name is known (a placeholder name could be any container).
fn known_containers<'a>(task: &TaskDefinition<'a>) -> Option<Vec<Container<'a>>> {
    task.get("containerDefinitions")?.as_array()?;
    let containers = task.containers();
    let opaque = containers.iter().any(|c| c.get("name").is_some_and(is_opaque));
    (!opaque).then_some(containers)
}

/// A container port, or a range of them.
#[derive(Debug, Clone, Copy)]
struct PortSpec {
    first: i64,
    last: i64,
}

impl PortSpec {
    fn contains(&self, port: i64) -> bool {
        (self.first..=self.last).contains(&port)
    }

    fn describe(&self) -> String {
        if self.first == self.last { self.first.to_string() } else { format!("{}-{}", self.first, self.last) }
    }
}

/// The container ports a container maps; `None` when one of them cannot be known.
fn container_ports(container: &Container<'_>) -> Option<Vec<PortSpec>> {
    let mappings = match container.get("portMappings") {
        None | Some(Value::Null) => return Some(Vec::new()),
        Some(v) => v.as_array()?,
    };
    let mut ports = Vec::new();
    for mapping in mappings {
        if let Some(port) = mapping.get("containerPort").filter(|v| !v.is_null()) {
            let port = port.as_i64()?;
            ports.push(PortSpec { first: port, last: port });
        }
        if let Some(range) = mapping.get("containerPortRange").filter(|v| !v.is_null()) {
            let (first, last) = range.as_str()?.split_once('-')?;
            let (first, last) = (first.trim().parse().ok()?, last.trim().parse().ok()?);
            ports.push(PortSpec { first, last });
        }
    }
    Some(ports)
}

/// "`a`" or "one of `a`, `b`".
fn one_of(items: &[String]) -> String {
    match items {
        [one] => one.clone(),
        _ => format!("one of {}", items.join(", ")),
    }
}

fn or_none(items: &[String]) -> String {
    if items.is_empty() { "none".to_string() } else { items.join(", ") }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostic;
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-049";

    /// Lints a service and a task definition as two files of one run.
    fn linked(service: &str, task: &str) -> Vec<Diagnostic> {
        crate::rules::tester::linked(CODE, service, task)
    }

    fn service(lb: &str) -> String {
        format!(r#"{{"serviceName": "web", "taskDefinition": "web:3", "desiredCount": 2, "loadBalancers": [{lb}]}}"#)
    }

    const TASK: &str = r#"{"family": "web", "containerDefinitions": [
        {"name": "app", "image": "nginx:1.27", "memory": 256, "portMappings": [{"containerPort": 8080}]},
        {"name": "sidecar", "image": "envoy:1.30", "memory": 128}]}"#;

    const TG: &str =
        r#""targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef""#;

    #[test]
    fn unknown_container_is_reported_with_the_aws_text() {
        let found = linked(&service(&format!(r#"{{{TG}, "containerName": "web", "containerPort": 8080}}"#)), TASK);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].file.ends_with("svc.json"));
        assert_eq!(found[0].pointer, "/loadBalancers/0/containerName");
        assert!(found[0].message.contains("The container web does not exist in the task definition."));
        assert!(found[0].help.as_deref().unwrap().contains("`app`, `sidecar`"));
        assert!(found[0].related[0].file.ends_with("td.json"));
        assert_eq!(found[0].related[0].pointer, "/containerDefinitions");
    }

    #[test]
    fn case_mismatch_gets_a_hint() {
        let found = linked(&service(&format!(r#"{{{TG}, "containerName": "App", "containerPort": 8080}}"#)), TASK);
        assert!(found[0].help.as_deref().unwrap().contains("case-sensitive"));
    }

    #[test]
    fn unmapped_port_is_reported_with_the_aws_text() {
        let found = linked(&service(&format!(r#"{{{TG}, "containerName": "app", "containerPort": 80}}"#)), TASK);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].pointer, "/loadBalancers/0/containerPort");
        assert!(found[0].message.contains("The container app did not have a container port 80 defined."));
        assert_eq!(found[0].related[0].pointer, "/containerDefinitions/0/portMappings");
        // A container without port mappings at all.
        let found = linked(&service(&format!(r#"{{{TG}, "containerName": "sidecar", "containerPort": 80}}"#)), TASK);
        assert_eq!(found.len(), 1);
        assert!(found[0].related[0].message.contains("no port mappings"));
    }

    #[test]
    fn matching_entries_and_port_ranges_are_clean() {
        assert!(
            linked(&service(&format!(r#"{{{TG}, "containerName": "app", "containerPort": 8080}}"#)), TASK).is_empty()
        );
        let ranged = r#"{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx:1.27",
            "memory": 256, "portMappings": [{"containerPortRange": "8000-8100"}]}]}"#;
        assert!(
            linked(&service(&format!(r#"{{{TG}, "containerName": "app", "containerPort": 8080}}"#)), ranged).is_empty()
        );
    }

    #[test]
    fn placeholders_are_opaque() {
        let opaque_name =
            r#"{"family": "web", "containerDefinitions": [{"name": "${NAME}", "image": "nginx:1.27", "memory": 256}]}"#;
        assert!(
            linked(&service(&format!(r#"{{{TG}, "containerName": "web", "containerPort": 80}}"#)), opaque_name)
                .is_empty()
        );
        let opaque_port = r#"{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx:1.27",
            "memory": 256, "portMappings": [{"containerPort": "${PORT}"}]}]}"#;
        assert!(
            linked(&service(&format!(r#"{{{TG}, "containerName": "app", "containerPort": 80}}"#)), opaque_port)
                .is_empty()
        );
        assert!(
            linked(&service(&format!(r#"{{{TG}, "containerName": "${{C}}", "containerPort": 80}}"#)), TASK).is_empty()
        );
    }

    #[test]
    fn unresolved_task_definition_is_silent() {
        // The task definition is not in the run: only the service-only check can fire.
        assert_clean(CODE, &service(&format!(r#"{{{TG}, "containerName": "nope", "containerPort": 1}}"#)));
    }

    #[test]
    fn blank_container_name_needs_no_task_definition() {
        let messages =
            assert_fires(CODE, 1, &service(&format!(r#"{{{TG}, "containerName": " ", "containerPort": 80}}"#)));
        assert!(messages[0].contains("Container Name can not be blank."));
        assert_fires(CODE, 1, &service(&format!(r#"{{{TG}, "containerPort": 80}}"#)));
        assert_clean(CODE, &service(r#"{"containerPort": 80}"#));
        assert_clean(CODE, &service(r#""not an object""#));
        assert_clean(CODE, r#"{"serviceName": "web", "taskDefinition": "web", "loadBalancers": {"a": 1}}"#);
    }
}
