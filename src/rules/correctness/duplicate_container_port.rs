//! A host port can be bound once per task and protocol; under `awsvpc` and `host` networking every
//! container port is also a host port, so the same port twice is rejected.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{known_i64, known_str};
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;
use std::collections::HashMap;

declare_rule! {
    pub struct DuplicateContainerPort {
        code: "ECS-COR-033",
        name: "duplicate-container-port",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "the same container port mapped twice",
    }
}

/// Where a host port was first bound: (pointer, container index, container display).
type FirstUse = (String, usize, String);

impl Rule for DuplicateContainerPort {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let mode = task.effective_network_mode();
        // Port mappings under `none` are ECS-COR-005's finding.
        if mode == Some("none") {
            return;
        }
        // Under awsvpc and host networking the container port is the host port.
        let shared = matches!(mode, Some("awsvpc" | "host"));
        let mut seen: HashMap<(i64, &'static str), FirstUse> = HashMap::new();
        for container in task.containers() {
            let mappings = container.at("portMappings");
            for (i, mapping) in container.array("portMappings").iter().enumerate() {
                // Ranges are ECS-COR-032's; AWS picks their host ports.
                if mapping.get("containerPortRange").is_some_and(|v| !v.is_null()) {
                    continue;
                }
                let Some(protocol) = protocol(mapping) else {
                    continue;
                };
                let at = join(&mappings, i);
                let container_port = known_i64(mapping.get("containerPort"));
                let host_port = known_i64(mapping.get("hostPort")).filter(|&p| p != 0);
                let (port, pointer) = match (host_port, container_port) {
                    // An explicit host port is the host port in every network mode. Under awsvpc
                    // and host a different container port is ECS-COR-004's finding.
                    (Some(host), Some(cport)) if shared && host != cport => continue,
                    (Some(host), _) => (host, join(&at, "hostPort")),
                    (None, Some(cport)) if shared => (cport, join(&at, "containerPort")),
                    // bridge (or unknown) without a host port: AWS assigns a dynamic one.
                    _ => continue,
                };
                // Ports outside 1–65535 are another finding; they bind nothing.
                if !(1..=65535).contains(&port) {
                    continue;
                }
                let index = container.index();
                let mut who = container.display();
                let Some((first, first_index, first_who)) = seen.get(&(port, protocol)) else {
                    seen.insert((port, protocol), (pointer, index, who));
                    continue;
                };
                let same = *first_index == index;
                let place = if same {
                    format!("container {who} maps port {port}/{protocol} twice")
                } else {
                    let mut first_who = first_who.clone();
                    // Two containers with one name (ECS-COR-012's finding): tell them apart.
                    if first_who == who {
                        first_who = format!("{first_who} (#{first_index})");
                        who = format!("{who} (#{index})");
                    }
                    format!("containers {first_who} and {who} both map port {port}/{protocol}")
                };
                let upper = protocol.to_ascii_uppercase();
                let why = if host_port.is_none() {
                    format!(
                        " (under `{}` networking the container port is also the host port)",
                        mode.unwrap_or("awsvpc")
                    )
                } else {
                    String::new()
                };
                cx.report(self, pointer)
                    .message(format!(
                        "{place} on the host{why}; AWS rejects it: {upper} host port '{port}' is mapped multiple \
                         times in task."
                    ))
                    .label(format!("{port}/{protocol} already mapped"))
                    .related(first.clone(), "first mapped here")
                    .help(if same {
                        "remove the duplicate port mapping".to_string()
                    } else {
                        "give each container its own port; containers in one task share the host ports".to_string()
                    })
                    .emit();
            }
        }
    }
}

/// The mapping's protocol as AWS applies it (default `tcp`); `None` when unknown.
fn protocol(mapping: &Value) -> Option<&'static str> {
    match mapping.get("protocol") {
        None | Some(Value::Null) => Some("tcp"),
        Some(v) => match known_str(Some(v)) {
            Some("tcp") => Some("tcp"),
            Some("udp") => Some("udp"),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-033";

    fn td(network: &str, containers: &str) -> String {
        format!(r#"{{"family": "web", {network} "containerDefinitions": {containers}}}"#)
    }

    fn one(mappings: &str) -> String {
        format!(r#"[{{"name": "app", "image": "nginx:1.27", "memory": 256, "portMappings": {mappings}}}]"#)
    }

    fn two(a: &str, b: &str) -> String {
        format!(
            r#"[{{"name": "a", "image": "nginx", "memory": 64, "portMappings": {a}}},
                {{"name": "b", "image": "nginx", "memory": 64, "portMappings": {b}}}]"#
        )
    }

    const AWSVPC: &str = r#""networkMode": "awsvpc","#;

    #[test]
    fn fires_on_the_same_port_twice_under_awsvpc() {
        let messages = assert_fires(CODE, 1, &td(AWSVPC, &one(r#"[{"containerPort": 80}, {"containerPort": 80}]"#)));
        assert!(messages[0].contains("container `app` maps port 80/tcp twice"));
        assert!(messages[0].contains("TCP host port '80' is mapped multiple times in task."));
        let messages =
            assert_fires(CODE, 1, &td(AWSVPC, &two(r#"[{"containerPort": 8080}]"#, r#"[{"containerPort": 8080}]"#)));
        assert!(messages[0].contains("containers `a` and `b` both map port 8080/tcp"));
        assert!(messages[0].contains("under `awsvpc` networking"));
        let messages = assert_fires(
            CODE,
            1,
            &td(
                r#""networkMode": "host","#,
                &one(
                    r#"[{"containerPort": 53, "protocol": "udp"}, {"containerPort": 53, "hostPort": 53, "protocol": "udp"}]"#,
                ),
            ),
        );
        assert!(messages[0].contains("UDP host port '53'"));
    }

    #[test]
    fn fires_on_the_same_explicit_host_port_under_bridge() {
        let json =
            td("", &two(r#"[{"containerPort": 80, "hostPort": 80}]"#, r#"[{"containerPort": 81, "hostPort": 80}]"#));
        assert_fires(CODE, 1, &json);
        // Two containers with the same name are still two containers.
        let messages = assert_fires(
            CODE,
            1,
            &td(
                "",
                r#"[{"name": "s", "image": "nginx", "memory": 64, "portMappings": [{"containerPort": 80, "hostPort": 80}]},
                        {"name": "s", "image": "nginx", "memory": 64, "portMappings": [{"containerPort": 80, "hostPort": 80}]}]"#,
            ),
        );
        assert!(messages[0].contains("containers `s` (#0) and `s` (#1) both map port 80/tcp"));
        // Bare container arrays: an explicit host port is the host port in every mode.
        assert_fires(
            CODE,
            1,
            &two(r#"[{"containerPort": 80, "hostPort": 80}]"#, r#"[{"containerPort": 80, "hostPort": 80}]"#),
        );
    }

    #[test]
    fn accepts_protocols_dynamic_ports_and_distinct_ports() {
        // TCP and UDP on the same port are allowed.
        assert_clean(CODE, &td(AWSVPC, &one(r#"[{"containerPort": 53}, {"containerPort": 53, "protocol": "udp"}]"#)));
        // Dynamic host ports under bridge.
        assert_clean(CODE, &td("", &two(r#"[{"containerPort": 80}]"#, r#"[{"containerPort": 80, "hostPort": 0}]"#)));
        assert_clean(
            CODE,
            &td("", &one(r#"[{"containerPort": 80, "hostPort": 8080}, {"containerPort": 80, "hostPort": 8081}]"#)),
        );
        assert_clean(CODE, &td(AWSVPC, &two(r#"[{"containerPort": 80}]"#, r#"[{"containerPort": 81}]"#)));
        // Bare arrays without host ports: the network mode is unknown.
        assert_clean(CODE, &two(r#"[{"containerPort": 80}]"#, r#"[{"containerPort": 80}]"#));
    }

    #[test]
    fn ignores_unknown_values_and_other_rules_findings() {
        assert_clean(CODE, &td(AWSVPC, &one(r#"[{"containerPort": 80}, {"containerPort": 80, "protocol": "${P}"}]"#)));
        assert_clean(CODE, &td(AWSVPC, &one(r#"[{"containerPort": 80}, {"containerPort": "80"}]"#)));
        assert_clean(
            CODE,
            &td(r#""networkMode": "${MODE}","#, &one(r#"[{"containerPort": 80}, {"containerPort": 80}]"#)),
        );
        // A different host port under awsvpc is ECS-COR-004's finding.
        assert_clean(CODE, &td(AWSVPC, &one(r#"[{"containerPort": 80}, {"containerPort": 81, "hostPort": 80}]"#)));
        assert_clean(CODE, &td(AWSVPC, &one(r#"[{"containerPortRange": "80-90"}, {"containerPortRange": "80-90"}]"#)));
        // Fargate without networkMode is ECS-COR-002's finding.
        assert_clean(
            CODE,
            &td(
                r#""requiresCompatibilities": ["FARGATE"],"#,
                &one(r#"[{"containerPort": 80}, {"containerPort": 80}]"#),
            ),
        );
    }
}
