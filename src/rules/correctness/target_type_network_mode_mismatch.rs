//! ECS registers awsvpc tasks in a target group by IP address and bridge or host tasks by container
//! instance, so a target group of the other type is rejected when the service is created.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{Service, TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct TargetTypeNetworkModeMismatch {
        code: "ECS-COR-063",
        name: "target-type-network-mode-mismatch",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a target group's target type does not fit the task definition's network mode",
    }
}

/// The target type a network mode needs.
fn needed(mode: &str) -> Option<&'static str> {
    match mode {
        "awsvpc" => Some("ip"),
        "bridge" | "host" => Some("instance"),
        _ => None,
    }
}

/// `targetType` as Elastic Load Balancing applies it: omitted means `instance`.
pub(crate) fn target_type(target_group: &Value) -> Option<&str> {
    match target_group.get("targetType") {
        None | Some(Value::Null) => Some("instance"),
        v => known_str(v),
    }
}

impl Rule for TargetTypeNetworkModeMismatch {
    fn check_service(&self, service: &Service<'_>, task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        let Some(task) = task else { return };
        let Some(mode) = task.effective_network_mode() else { return };
        let Some(needed) = needed(mode) else { return };
        for (i, entry) in service.array("loadBalancers").iter().enumerate() {
            let Some(target_group) = service.target_group(i) else { continue };
            let Some(actual) = target_type(target_group) else { continue };
            // Only the two types ECS registers tasks in; `lambda` and `alb` groups are another matter.
            if !matches!(actual, "ip" | "instance") || actual == needed {
                continue;
            }
            let arn = known_str(entry.get("targetGroupArn")).unwrap_or("arn:…");
            let written = if target_group.get("targetType").is_some_and(|v| !v.is_null()) {
                format!("target type {actual}")
            } else {
                "no target type (so instance)".to_string()
            };
            let mode_label = if task.has("networkMode") {
                format!("network mode {mode}")
            } else {
                format!("no networkMode: {mode} by default")
            };
            let why = if needed == "ip" {
                "awsvpc tasks have their own network interface and are registered by IP address"
            } else {
                "bridge and host tasks share their container instance's address and are registered by instance ID"
            };
            cx.report(self, join(&Service::pointer(&["loadBalancers", &i.to_string()]), "targetGroupArn"))
                .message(format!(
                    "load balancer #{i}'s target group has {written}, but the task definition uses the {mode} network \
                     mode ({why}); AWS rejects the service: The provided target group {arn} has target type {actual}, \
                     which is incompatible with the {mode} network mode specified in the task definition."
                ))
                .label(format!("target type {actual}"))
                .related_task("/networkMode", mode_label)
                .help(format!(
                    "create the target group with `targetType: {needed}` (the target type cannot be changed on an \
                     existing target group), or change the task definition's network mode"
                ))
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{render_findings, service_with_target_group};

    const CODE: &str = "ECS-COR-063";

    const SERVICE: &str = r#"{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
        "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef",
                           "containerName": "app", "containerPort": 8080}]}"#;

    fn task(network: &str) -> String {
        format!(
            r#"{{"family": "web", {network} "containerDefinitions": [{{"name": "app", "image": "nginx:1.27",
                "memory": 256, "portMappings": [{{"containerPort": 8080}}]}}]}}"#
        )
    }

    fn run(target_group: &str, network: &str) -> Vec<crate::context::Finding> {
        service_with_target_group(CODE, SERVICE, target_group, &task(network))
    }

    #[test]
    fn instance_target_group_for_awsvpc_is_rejected_with_the_aws_text() {
        for tg in [r#"{"port": 8080, "protocol": "HTTP"}"#, r#"{"targetType": "instance", "port": 8080}"#] {
            let found = run(tg, r#""networkMode": "awsvpc","#);
            assert_eq!(found.len(), 1, "{tg}");
            assert_eq!(found[0].pointer, "/loadBalancers/0/targetGroupArn");
            assert!(found[0].message.contains(
                "The provided target group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/\
                 0123456789abcdef has target type instance, which is incompatible with the awsvpc network mode \
                 specified in the task definition."
            ));
            assert_eq!(found[0].labels[0].pointer, "/networkMode");
        }
    }

    #[test]
    fn ip_target_group_for_bridge_or_host_is_rejected() {
        let found = run(r#"{"targetType": "ip"}"#, "");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("target type ip, which is incompatible with the bridge network mode"));
        assert_eq!(found[0].labels[0].message, "no networkMode: bridge by default");
        assert_eq!(run(r#"{"targetType": "ip"}"#, r#""networkMode": "host","#).len(), 1);
    }

    #[test]
    fn matching_types_are_clean() {
        assert!(run(r#"{"targetType": "ip"}"#, r#""networkMode": "awsvpc","#).is_empty());
        assert!(run("{}", "").is_empty());
        assert!(run(r#"{"targetType": "instance"}"#, r#""networkMode": "host","#).is_empty());
        assert!(run(r#"{"targetType": "lambda"}"#, r#""networkMode": "awsvpc","#).is_empty());
    }

    #[test]
    fn opaque_and_unknown_are_silent() {
        assert!(run(r#"{"targetType": "${TARGET_TYPE}"}"#, r#""networkMode": "awsvpc","#).is_empty());
        assert!(run(r#"{"targetType": "ip"}"#, r#""networkMode": "${MODE}","#).is_empty());
        // Fargate without networkMode is a schema problem, not a guess at a mode.
        assert!(run("{}", r#""requiresCompatibilities": ["FARGATE"],"#).is_empty());
        let settings = crate::settings::Settings::default();
        let mut cx = crate::context::LintContext::new(&settings);
        let value = serde_json::from_str(SERVICE).unwrap();
        let service = crate::model::Service::new(&value, crate::model::Shape::CreateService);
        let task_value = serde_json::from_str(&task(r#""networkMode": "awsvpc","#)).unwrap();
        let task = crate::model::TaskDefinition::new(&task_value, crate::model::Shape::RegisterRequest);
        crate::rule::Rule::check_service(&super::TargetTypeNetworkModeMismatch, &service, Some(&task), &mut cx);
        assert!(cx.into_findings().is_empty(), "no target group in the file: silent");
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(render_findings(&run("{}", r#""networkMode": "awsvpc","#)));
    }
}
