//! Service Connect selects ports by their port-mapping name and runs only Linux tasks, so a
//! name the task definition lacks, or a Windows task definition, breaks the service.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{is_opaque, known_str};
use crate::model::{Service, TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct ServiceConnectPortNameUnknown {
        code: "ECS-COR-052",
        name: "service-connect-port-name-unknown",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a Service Connect port name missing from the task definition, or Service Connect on Windows",
    }
}

impl Rule for ServiceConnectPortNameUnknown {
    fn check_service(&self, service: &Service<'_>, task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        let Some(task) = task else { return };
        if service.at(&["serviceConnectConfiguration", "enabled"]).and_then(Value::as_bool) != Some(true) {
            return;
        }
        let family = task.describe();
        if task.is_windows() {
            let os = task.os_family().unwrap_or("Windows");
            cx.report(self, "/serviceConnectConfiguration/enabled")
                .message(format!(
                    "Service Connect is enabled but {family} runs on {os}; AWS rejects it: Unsupported operating \
                     system in task definition. Please choose Linux"
                ))
                .label("Service Connect needs Linux tasks")
                .related_task("/runtimePlatform/operatingSystemFamily", format!("operating system {os}"))
                .help("run this service without Service Connect (use Cloud Map service discovery), or on Linux")
                .emit();
            return;
        }
        let Some(names) = port_names(task) else { return };
        let services = service.at(&["serviceConnectConfiguration", "services"]).and_then(Value::as_array);
        for (i, entry) in services.map_or(&[][..], Vec::as_slice).iter().enumerate() {
            let Some(port_name) = known_str(entry.get("portName")) else { continue };
            if names.iter().any(|(n, _)| *n == port_name) {
                continue;
            }
            let listed: Vec<String> = names.iter().map(|(n, _)| format!("`{n}`")).collect();
            let (related, text) = match names.first() {
                Some((_, at)) => (at.clone(), format!("named port mappings: {}", listed.join(", "))),
                None => ("/containerDefinitions".to_string(), "no port mapping has a `name`".to_string()),
            };
            let help = match names.iter().find(|(n, _)| n.eq_ignore_ascii_case(port_name)) {
                Some((n, _)) => format!("port names are case-sensitive: set `portName` to \"{n}\""),
                None if listed.is_empty() => format!(
                    "add \"name\": \"{port_name}\" to the port mapping of the container that serves this traffic"
                ),
                None => format!(
                    "set `portName` to {}{}, or name a port mapping \"{port_name}\"",
                    if listed.len() == 1 { "" } else { "one of " },
                    listed.join(", ")
                ),
            };
            cx.report(
                self,
                join(&join(&Service::pointer(&["serviceConnectConfiguration", "services"]), i), "portName"),
            )
            .message(format!(
                "Service Connect port name `{port_name}` is not the name of any port mapping in {family}; the \
                     portName must match the name of one of the portMappings from all the containers in the task \
                     definition"
            ))
            .label("no port mapping has this name")
            .related_task(related, text)
            .help(help)
            .emit();
        }
    }
}

/// Every port-mapping name with its pointer; `None` when one could be a placeholder.
fn port_names<'a>(task: &TaskDefinition<'a>) -> Option<Vec<(&'a str, String)>> {
    task.get("containerDefinitions")?.as_array()?;
    let mut names = Vec::new();
    for container in task.containers() {
        let mappings = match container.get("portMappings") {
            None | Some(Value::Null) => continue,
            Some(v) => v.as_array()?,
        };
        for (j, mapping) in mappings.iter().enumerate() {
            match mapping.get("name") {
                None | Some(Value::Null) => {}
                Some(v) if is_opaque(v) => return None,
                Some(Value::String(name)) => {
                    names.push((name.as_str(), join(&join(&container.at("portMappings"), j), "name")))
                }
                Some(_) => {}
            }
        }
    }
    Some(names)
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostic;
    use crate::rules::tester::assert_clean;

    const CODE: &str = "ECS-COR-052";

    fn linked(service: &str, task: &str) -> Vec<Diagnostic> {
        crate::rules::tester::linked(CODE, service, task)
    }

    fn service(enabled: &str, port_name: &str) -> String {
        format!(
            r#"{{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE",
                "networkConfiguration": {{"awsvpcConfiguration": {{"subnets": ["subnet-1", "subnet-2"]}}}},
                "serviceConnectConfiguration": {{"enabled": {enabled}, "namespace": "internal",
                  "services": [{{"portName": "{port_name}", "clientAliases": [{{"port": 80}}]}}]}}}}"#
        )
    }

    fn task(mapping: &str, extra: &str) -> String {
        format!(
            r#"{{"family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256",
                "memory": "512", {extra} "containerDefinitions": [{{"name": "app", "image": "nginx:1.27",
                "portMappings": [{mapping}]}}]}}"#
        )
    }

    #[test]
    fn unknown_port_name_is_reported() {
        let found = linked(&service("true", "http"), &task(r#"{"name": "web-80", "containerPort": 80}"#, ""));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].file.ends_with("svc.json"));
        assert_eq!(found[0].pointer, "/serviceConnectConfiguration/services/0/portName");
        assert!(
            found[0].message.contains("port name `http` is not the name of any port mapping in task definition `web`")
        );
        assert!(found[0].help.as_deref().unwrap().contains("`web-80`"));
        assert!(found[0].related[0].file.ends_with("td.json"));
        assert_eq!(found[0].related[0].pointer, "/containerDefinitions/0/portMappings/0/name");
        // Wrappers that drop `name` leave nothing to match.
        let found = linked(&service("true", "http"), &task(r#"{"containerPort": 80}"#, ""));
        assert_eq!(found.len(), 1);
        assert!(found[0].related[0].message.contains("no port mapping has a `name`"));
    }

    #[test]
    fn windows_task_definition_is_reported() {
        let windows = r#""runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},"#;
        let found = linked(&service("true", "http"), &task(r#"{"name": "http", "containerPort": 80}"#, windows));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].pointer, "/serviceConnectConfiguration/enabled");
        assert!(found[0].message.contains("Unsupported operating system in task definition. Please choose Linux"));
        assert_eq!(found[0].related[0].pointer, "/runtimePlatform/operatingSystemFamily");
    }

    #[test]
    fn matching_names_and_disabled_service_connect_are_clean() {
        assert!(linked(&service("true", "http"), &task(r#"{"name": "http", "containerPort": 80}"#, "")).is_empty());
        assert!(linked(&service("false", "nope"), &task(r#"{"containerPort": 80}"#, "")).is_empty());
        let client_only = r#"{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
            "serviceConnectConfiguration": {"enabled": true, "namespace": "internal"}}"#;
        assert!(linked(client_only, &task(r#"{"containerPort": 80}"#, "")).is_empty());
    }

    #[test]
    fn placeholders_are_opaque() {
        assert!(
            linked(&service("true", "http"), &task(r#"{"name": "${PORT_NAME}", "containerPort": 80}"#, "")).is_empty()
        );
        assert!(
            linked(&service("true", "${PORT_NAME}"), &task(r#"{"name": "web", "containerPort": 80}"#, "")).is_empty()
        );
        assert!(linked(&service(r#""${ENABLED}""#, "http"), &task(r#"{"containerPort": 80}"#, "")).is_empty());
    }

    #[test]
    fn unresolved_task_definition_is_silent() {
        assert_clean(CODE, &service("true", "http"));
    }
}
