//! A bridge-mode container with a dynamic host port is registered on a port ECS picks when the task
//! starts, so its target group must health-check the traffic port; AWS rejects a fixed one.

use super::classic_load_balancer_dynamic_port::{DynamicHostPort, dynamic_host_port};
use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{Service, TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct HealthCheckPortWithDynamicHostPort {
        code: "ECS-COR-064",
        name: "health-check-port-with-dynamic-host-port",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a target group health-checks a fixed port of a container with a dynamic host port",
    }
}

/// A fixed `healthCheckPort` (not `traffic-port`, the default), as written.
fn fixed_health_check_port(target_group: &Value) -> Option<String> {
    match target_group.get("healthCheckPort")? {
        Value::Number(n) => Some(n.to_string()),
        v => known_str(Some(v)).filter(|p| *p != "traffic-port" && !p.trim().is_empty()).map(str::to_string),
    }
}

impl Rule for HealthCheckPortWithDynamicHostPort {
    fn check_service(&self, service: &Service<'_>, task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        let Some(task) = task else { return };
        // Under awsvpc and host networking the host port is the container port.
        if task.effective_network_mode() != Some("bridge") {
            return;
        }
        for (i, entry) in service.array("loadBalancers").iter().enumerate() {
            let Some(target_group) = service.target_group(i) else { continue };
            // An `ip` group under bridge is ECS-COR-063's finding.
            if super::target_type_network_mode_mismatch::target_type(target_group) != Some("instance") {
                continue;
            }
            let Some(health_port) = fixed_health_check_port(target_group) else { continue };
            let Some(dynamic) = dynamic_host_port(task, entry) else { continue };
            let DynamicHostPort { container, port, how, .. } = &dynamic;
            let arn = known_str(entry.get("targetGroupArn")).unwrap_or("arn:…");
            cx.report(self, join(&Service::pointer(&["loadBalancers", &i.to_string()]), "targetGroupArn"))
                .message(format!(
                    "load balancer #{i}'s target group health-checks port {health_port}, but container {} maps port \
                     {port} with {how}, a dynamic host port under bridge networking; AWS rejects the service: The task \
                     definition is configured to use a dynamic host port, but the target group with targetGroupArn \
                     {arn} has a health check port specified.",
                    container.display()
                ))
                .label(format!("health check port {health_port}"))
                .related_task(dynamic.pointer(), format!("container port {port} gets a dynamic host port"))
                .help(
                    "remove the target group's `healthCheckPort` (or set it to `traffic-port`): health checks then go \
                     to the port each task was registered on; or give the port mapping a fixed `hostPort`",
                )
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{render_findings, service_with_target_group};

    const CODE: &str = "ECS-COR-064";

    const SERVICE: &str = r#"{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
        "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef",
                           "containerName": "app", "containerPort": 3000}]}"#;

    fn task(network: &str, mapping: &str) -> String {
        format!(
            r#"{{"family": "web", {network} "containerDefinitions": [{{"name": "app", "image": "nginx:1.27",
                "memory": 256, "portMappings": [{mapping}]}}]}}"#
        )
    }

    const FIXED: &str = r#"{"port": 3000, "protocol": "HTTP", "healthCheckPort": "3000", "healthCheckPath": "/"}"#;

    fn run(target_group: &str, network: &str, mapping: &str) -> Vec<crate::context::Finding> {
        service_with_target_group(CODE, SERVICE, target_group, &task(network, mapping))
    }

    #[test]
    fn fixed_health_check_port_with_dynamic_host_port_is_rejected() {
        let found = run(FIXED, "", r#"{"containerPort": 3000}"#);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].pointer, "/loadBalancers/0/targetGroupArn");
        assert!(found[0].message.contains(
            "The task definition is configured to use a dynamic host port, but the target group with targetGroupArn \
             arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef has a health check \
             port specified."
        ));
        assert_eq!(found[0].labels[0].pointer, "/containerDefinitions/0/portMappings/0");
        let found = run(FIXED, r#""networkMode": "bridge","#, r#"{"containerPort": 3000, "hostPort": 0}"#);
        assert_eq!(found[0].labels[0].pointer, "/containerDefinitions/0/portMappings/0/hostPort");
        let numeric = r#"{"healthCheckPort": 8081}"#;
        assert!(run(numeric, "", r#"{"containerPort": 3000}"#)[0].message.contains("health-checks port 8081"));
    }

    #[test]
    fn traffic_port_static_ports_and_other_modes_are_clean() {
        assert!(run(r#"{"healthCheckPort": "traffic-port"}"#, "", r#"{"containerPort": 3000}"#).is_empty());
        assert!(run(r#"{"port": 3000}"#, "", r#"{"containerPort": 3000}"#).is_empty());
        assert!(run(FIXED, "", r#"{"containerPort": 3000, "hostPort": 3000}"#).is_empty());
        // cfn-lint's E3049 fired here (cfn-lint#3541, #3542): awsvpc has no dynamic host ports.
        let ip = r#"{"targetType": "ip", "healthCheckPort": "3000"}"#;
        assert!(run(ip, r#""networkMode": "awsvpc","#, r#"{"containerPort": 3000}"#).is_empty());
        assert!(run(FIXED, r#""networkMode": "host","#, r#"{"containerPort": 3000}"#).is_empty());
        assert!(run(FIXED, "", r#"{"containerPort": 8080}"#).is_empty(), "no such port: ECS-COR-049");
    }

    #[test]
    fn opaque_values_are_silent() {
        assert!(run(r#"{"healthCheckPort": "${HC_PORT}"}"#, "", r#"{"containerPort": 3000}"#).is_empty());
        assert!(run(FIXED, "", r#"{"containerPort": 3000, "hostPort": "${PORT}"}"#).is_empty());
        assert!(run(FIXED, "", r#"{"containerPort": "${PORT}"}, {"containerPort": 3000}"#).is_empty());
        assert!(run(FIXED, r#""networkMode": "${MODE}","#, r#"{"containerPort": 3000}"#).is_empty());
        let typed = r#"{"targetType": "${TYPE}", "healthCheckPort": "3000"}"#;
        assert!(run(typed, "", r#"{"containerPort": 3000}"#).is_empty());
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(render_findings(&run(FIXED, "", r#"{"containerPort": 3000}"#)));
    }
}
