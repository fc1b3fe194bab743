//! A Classic Load Balancer registers the container instance on a fixed port, so AWS rejects a
//! bridge-mode container whose port mapping has a dynamic host port.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{is_opaque, known_str};
use crate::model::{Container, Service, TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct ClassicLoadBalancerDynamicPort {
        code: "ECS-COR-050",
        name: "classic-load-balancer-dynamic-port",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a Classic Load Balancer with a container that has no static host port",
    }
}

/// The port mapping a load balancer entry targets, when it gets a dynamic host port.
pub(super) struct DynamicHostPort<'a> {
    pub container: Container<'a>,
    pub port: i64,
    /// Index of the mapping in the container's `portMappings`.
    pub mapping: usize,
    /// `hostPort 0` or `no hostPort`.
    pub how: &'static str,
}

impl DynamicHostPort<'_> {
    /// Where the fix goes: the written `hostPort 0`, or the mapping without one.
    pub fn pointer(&self) -> String {
        let mapping = join(&self.container.at("portMappings"), self.mapping);
        if self.how == "hostPort 0" { join(&mapping, "hostPort") } else { mapping }
    }
}

/// The mapping of `entry`'s `containerName`/`containerPort` in `task` when its host port is dynamic
/// (omitted or 0); `None` when it is static, unknown, or missing (ECS-COR-049 reports that).
pub(super) fn dynamic_host_port<'a>(task: &TaskDefinition<'a>, entry: &Value) -> Option<DynamicHostPort<'a>> {
    let name = known_str(entry.get("containerName"))?;
    let port = entry.get("containerPort").and_then(Value::as_i64)?;
    let container = task.containers().into_iter().find(|c| c.name() == Some(name))?;
    let mappings = container.array("portMappings");
    // A mapping whose container port is a placeholder could be the one.
    if mappings.iter().any(|m| m.get("containerPort").is_some_and(is_opaque)) {
        return None;
    }
    let (mapping, found) =
        mappings.iter().enumerate().find(|(_, m)| m.get("containerPort").and_then(Value::as_i64) == Some(port))?;
    let how = match found.get("hostPort") {
        None | Some(Value::Null) => "no hostPort",
        Some(v) if v.as_i64() == Some(0) => "hostPort 0",
        Some(_) => return None, // a static host port, or a placeholder
    };
    Some(DynamicHostPort { container, port, mapping, how })
}

impl Rule for ClassicLoadBalancerDynamicPort {
    fn check_service(&self, service: &Service<'_>, task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        let Some(task) = task else { return };
        // Under awsvpc and host networking the host port is the container port.
        if task.effective_network_mode() != Some("bridge") {
            return;
        }
        for (i, entry) in service.array("loadBalancers").iter().enumerate() {
            let Some(balancer) = known_str(entry.get("loadBalancerName")).filter(|n| !n.trim().is_empty()) else {
                continue;
            };
            let Some(dynamic) = dynamic_host_port(task, entry) else { continue };
            let DynamicHostPort { container, port, how, .. } = &dynamic;
            let at = Service::pointer(&["loadBalancers", &i.to_string()]);
            cx.report(self, join(&at, "loadBalancerName"))
                .message(format!(
                    "Classic Load Balancer `{balancer}` needs a static host port, but container {} maps port {port} \
                     with {how} (a dynamic port under bridge networking); AWS rejects it: A host port mapping for the \
                     container port {port} is required.",
                    container.display()
                ))
                .label("a Classic Load Balancer")
                .related_task(dynamic.pointer(), format!("container port {port} gets a dynamic host port"))
                .help(format!(
                    "set \"hostPort\": {port} (or another fixed port) in the port mapping, or move to an Application \
                     Load Balancer target group, which supports dynamic host ports"
                ))
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostic;
    use crate::rules::tester::assert_clean;

    const CODE: &str = "ECS-COR-050";

    fn linked(service: &str, task: &str) -> Vec<Diagnostic> {
        crate::rules::tester::linked(CODE, service, task)
    }

    const CLB: &str = r#"{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "role": "ecsServiceRole",
        "loadBalancers": [{"loadBalancerName": "web-elb", "containerName": "app", "containerPort": 80}]}"#;

    fn task(network: &str, mapping: &str) -> String {
        format!(
            r#"{{"family": "web", {network} "containerDefinitions": [{{"name": "app", "image": "nginx:1.27",
                "memory": 256, "portMappings": [{mapping}]}}]}}"#
        )
    }

    #[test]
    fn dynamic_host_port_under_bridge_fires_with_the_aws_text() {
        let found = linked(CLB, &task("", r#"{"containerPort": 80}"#));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].file.ends_with("svc.json"));
        assert_eq!(found[0].pointer, "/loadBalancers/0/loadBalancerName");
        assert!(found[0].message.contains("A host port mapping for the container port 80 is required."));
        assert!(found[0].related[0].file.ends_with("td.json"));
        assert_eq!(found[0].related[0].pointer, "/containerDefinitions/0/portMappings/0");
        let found = linked(CLB, &task(r#""networkMode": "bridge","#, r#"{"containerPort": 80, "hostPort": 0}"#));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].related[0].pointer, "/containerDefinitions/0/portMappings/0/hostPort");
    }

    #[test]
    fn static_ports_other_modes_and_target_groups_are_clean() {
        assert!(linked(CLB, &task("", r#"{"containerPort": 80, "hostPort": 80}"#)).is_empty());
        assert!(linked(CLB, &task(r#""networkMode": "host","#, r#"{"containerPort": 80}"#)).is_empty());
        assert!(linked(CLB, &task(r#""networkMode": "awsvpc","#, r#"{"containerPort": 80}"#)).is_empty());
        let alb = CLB.replace(r#""loadBalancerName": "web-elb""#, r#""targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef""#);
        assert!(linked(&alb, &task("", r#"{"containerPort": 80}"#)).is_empty());
    }

    #[test]
    fn placeholders_are_opaque() {
        assert!(linked(CLB, &task("", r#"{"containerPort": 80, "hostPort": "${PORT}"}"#)).is_empty());
        assert!(linked(CLB, &task("", r#"{"containerPort": "${PORT}"}, {"containerPort": 80}"#)).is_empty());
        assert!(linked(CLB, &task(r#""networkMode": "${MODE}","#, r#"{"containerPort": 80}"#)).is_empty());
        assert!(linked(&CLB.replace("web-elb", "${ELB}"), &task("", r#"{"containerPort": 80}"#)).is_empty());
    }

    #[test]
    fn unresolved_task_definition_is_silent() {
        assert_clean(CODE, CLB);
    }
}
