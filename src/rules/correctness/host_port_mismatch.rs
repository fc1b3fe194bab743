//! Under `awsvpc` and `host` networking the container port is the host port, so AWS rejects a
//! different `hostPort`.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct HostPortMismatch {
        code: "ECS-COR-004",
        name: "host-port-mismatch",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "hostPort differs from containerPort under awsvpc or host networking",
    }
}

impl Rule for HostPortMismatch {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let Some(mode @ ("awsvpc" | "host")) = task.effective_network_mode() else {
            return;
        };
        for container in task.containers() {
            let mappings = container.at("portMappings");
            for (i, mapping) in container.array("portMappings").iter().enumerate() {
                // Port ranges are mapped by AWS itself; a range has no single host port.
                if mapping.get("containerPortRange").is_some_and(|v| !v.is_null()) {
                    continue;
                }
                let (Some(container_port), Some(host_port)) = (
                    mapping.get("containerPort").and_then(Value::as_i64),
                    mapping.get("hostPort").and_then(Value::as_i64),
                ) else {
                    continue;
                };
                if container_port == host_port {
                    continue;
                }
                let at = join(&mappings, i);
                let why = if mode == "awsvpc" {
                    "AWS rejects it: When networkMode=awsvpc, the host ports and container ports \
                     in port mappings must match."
                } else {
                    "AWS requires host ports to be undefined or to match the container port \
                     when the network mode is host"
                };
                cx.report(self, join(&at, "hostPort"))
                    .message(format!(
                        "container {} maps container port {container_port} to host port \
                         {host_port} under network mode `{mode}`; {why}",
                        container.display()
                    ))
                    .label(format!("must be {container_port} or omitted"))
                    .related(join(&at, "containerPort"), "container port set here")
                    .help(format!(
                        "remove `hostPort` or set it to {container_port}: under `{mode}` networking \
                         the container port is also the host port"
                    ))
                    .emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-004";

    fn td(network: &str, mappings: &str) -> String {
        format!(
            r#"{{"family": "web", {network}
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 512,
                                         "portMappings": {mappings}}}]}}"#
        )
    }

    #[test]
    fn fires_under_awsvpc_with_the_aws_text() {
        let messages =
            assert_fires(CODE, 1, &td(r#""networkMode": "awsvpc","#, r#"[{"containerPort": 80, "hostPort": 8080}]"#));
        assert!(messages[0].contains("container `app` maps container port 80 to host port 8080"));
        assert!(
            messages[0]
                .contains("When networkMode=awsvpc, the host ports and container ports in port mappings must match.")
        );
        // hostPort 0 means "dynamic" only under bridge networking.
        assert_fires(CODE, 1, &td(r#""networkMode": "awsvpc","#, r#"[{"containerPort": 80, "hostPort": 0}]"#));
    }

    #[test]
    fn fires_under_host_networking() {
        let messages = assert_fires(
            CODE,
            2,
            &td(
                r#""networkMode": "host","#,
                r#"[{"containerPort": 80, "hostPort": 81}, {"containerPort": 443},
                    {"containerPort": 53, "hostPort": 5353, "protocol": "udp"}]"#,
            ),
        );
        assert!(messages[0].contains("network mode `host`"));
    }

    #[test]
    fn accepts_matching_or_omitted_host_ports() {
        let network = r#""networkMode": "awsvpc","#;
        assert_clean(CODE, &td(network, r#"[{"containerPort": 80, "hostPort": 80}]"#));
        assert_clean(CODE, &td(network, r#"[{"containerPort": 80}]"#));
        assert_clean(CODE, &td(network, r#"[{"containerPort": 80, "hostPort": null}]"#));
        assert_clean(CODE, &td(network, r#"[{"containerPortRange": "8000-8010", "hostPort": 1}]"#));
        assert_clean(CODE, &td(network, r#"[{"containerPort": "80", "hostPort": "8080"}]"#));
        assert_clean(CODE, &td(network, r#"{"containerPort": 80, "hostPort": 8080}"#));
        assert_clean(CODE, &td(network, r#"["80:8080", null, 3]"#));
    }

    #[test]
    fn ignores_bridge_and_unknown_modes() {
        let mapping = r#"[{"containerPort": 80, "hostPort": 8080}]"#;
        assert_clean(CODE, &td(r#""networkMode": "bridge","#, mapping));
        // Omitted means bridge on Linux EC2.
        assert_clean(CODE, &td("", mapping));
        assert_clean(CODE, &td(r#""networkMode": "${MODE}","#, mapping));
        assert_clean(CODE, &td(r#""networkMode": "none","#, mapping));
        // Fargate without networkMode is ECS-COR-002's finding.
        assert_clean(CODE, &td(r#""requiresCompatibilities": ["FARGATE"],"#, mapping));
        assert_clean(
            CODE,
            r#"[{"name": "app", "image": "nginx", "portMappings": [{"containerPort": 80, "hostPort": 8080}]}]"#,
        );
    }
}
