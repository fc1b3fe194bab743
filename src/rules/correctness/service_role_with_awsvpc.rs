//! A service `role` is only for a load-balanced service that does not need the ECS service-linked
//! role (awsvpc tasks, service discovery, the EXTERNAL controller, several target groups); AWS
//! rejects it otherwise.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct ServiceRoleWithAwsvpc {
        code: "ECS-COR-054",
        name: "service-role-with-awsvpc",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a service role set for a task definition in awsvpc mode",
    }
}

impl Rule for ServiceRoleWithAwsvpc {
    fn check_service(&self, service: &Service<'_>, task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        if known_str(service.get("role")).is_none_or(|r| r.trim().is_empty()) {
            return;
        }
        // Why the service needs the service-linked role, with a place to point at.
        let mut reasons: Vec<(String, &'static str, bool)> = Vec::new();
        if let Some(task) = task
            && task.effective_network_mode() == Some("awsvpc")
        {
            let family = task.describe();
            reasons.push((format!("{family} uses the awsvpc network mode"), "/networkMode", true));
        }
        if !service.array("serviceRegistries").is_empty() {
            reasons.push(("it uses service discovery".into(), "/serviceRegistries", false));
        }
        if service.deployment_controller() == Some("EXTERNAL") {
            reasons.push(("it uses the EXTERNAL deployment controller".into(), "/deploymentController/type", false));
        }
        let target_groups = service
            .array("loadBalancers")
            .iter()
            .filter(|lb| lb.get("targetGroupArn").is_some_and(|v| !v.is_null()))
            .count();
        if target_groups > 1 {
            reasons.push((format!("it has {target_groups} target groups"), "/loadBalancers", false));
        }
        if let Some((first, at, in_task)) = reasons.first() {
            let why: Vec<&str> = reasons.iter().map(|(r, _, _)| r.as_str()).collect();
            let builder = cx
                .report(self, "/role")
                .message(format!(
                    "service sets `role`, but {}, so it must use the ECS service-linked role; AWS rejects it: You \
                     cannot specify an IAM role for services that require a service linked role.",
                    why.join(" and ")
                ))
                .label("remove this role")
                .help("remove `role`: ECS uses its service-linked role (AWSServiceRoleForECS) for this service");
            let builder =
                if *in_task { builder.related_task(*at, first.clone()) } else { builder.related(*at, first.clone()) };
            builder.emit();
            return;
        }
        let no_balancer = match service.get("loadBalancers") {
            None | Some(Value::Null) => true,
            Some(Value::Array(items)) => items.is_empty(),
            Some(_) => false,
        };
        if no_balancer {
            cx.report(self, "/role")
                .message(
                    "service sets `role` without a load balancer; the role is only permitted with one: If you specify \
                     the role parameter, you must also specify a load balancer object with the loadBalancers parameter.",
                )
                .label("a role for a load balancer")
                .help("remove `role` (it only lets ECS register tasks with a load balancer), or add `loadBalancers`")
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostic;
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-054";

    fn linked(service: &str, task: &str) -> Vec<Diagnostic> {
        crate::rules::tester::linked(CODE, service, task)
    }

    const TG: &str = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef";

    fn service(extra: &str) -> String {
        format!(
            r#"{{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "role": "ecsServiceRole",
                "loadBalancers": [{{"targetGroupArn": "{TG}", "containerName": "app", "containerPort": 80}}]{extra}}}"#
        )
    }

    fn task(network: &str) -> String {
        format!(
            r#"{{"family": "web", {network} "containerDefinitions": [{{"name": "app", "image": "nginx:1.27",
                "memory": 256, "portMappings": [{{"containerPort": 80}}]}}]}}"#
        )
    }

    #[test]
    fn role_with_awsvpc_is_reported_with_the_aws_text() {
        let found = linked(
            &service(r#", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]}}"#),
            &task(r#""networkMode": "awsvpc","#),
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].file.ends_with("svc.json"));
        assert_eq!(found[0].pointer, "/role");
        assert!(found[0].message.contains("task definition `web` uses the awsvpc network mode"));
        assert!(
            found[0]
                .message
                .contains("You cannot specify an IAM role for services that require a service linked role.")
        );
        assert!(found[0].related[0].file.ends_with("td.json"));
        assert_eq!(found[0].related[0].pointer, "/networkMode");
    }

    #[test]
    fn role_with_bridge_and_a_load_balancer_is_clean() {
        assert!(linked(&service(""), &task("")).is_empty());
        assert!(linked(&service(""), &task(r#""networkMode": "bridge","#)).is_empty());
        assert!(
            linked(&service("").replace(r#""role": "ecsServiceRole","#, ""), &task(r#""networkMode": "awsvpc","#))
                .is_empty()
        );
    }

    #[test]
    fn placeholders_are_opaque() {
        assert!(
            linked(&service("").replace("ecsServiceRole", "${ROLE}"), &task(r#""networkMode": "awsvpc","#)).is_empty()
        );
        assert!(linked(&service(""), &task(r#""networkMode": "${MODE}","#)).is_empty());
        assert_clean(
            CODE,
            r#"{"serviceName": "web", "taskDefinition": "web", "role": "ecsServiceRole", "loadBalancers": "${LBS}"}"#,
        );
    }

    #[test]
    fn service_only_reasons_need_no_task_definition() {
        let messages = assert_fires(
            CODE,
            1,
            &service(
                r#", "serviceRegistries": [{"registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1"}]"#,
            ),
        );
        assert!(messages[0].contains("it uses service discovery"));
        assert_fires(CODE, 1, &service(r#", "deploymentController": {"type": "EXTERNAL"}"#));
        let two = format!(
            r#"{{"serviceName": "web", "taskDefinition": "web", "role": "r", "loadBalancers": [
                {{"targetGroupArn": "{TG}", "containerName": "app", "containerPort": 80}},
                {{"targetGroupArn": "{TG}2", "containerName": "app", "containerPort": 81}}]}}"#
        );
        assert!(assert_fires(CODE, 1, &two)[0].contains("it has 2 target groups"));
        let messages =
            assert_fires(CODE, 1, r#"{"serviceName": "web", "taskDefinition": "web", "role": "ecsServiceRole"}"#);
        assert!(messages[0].contains("you must also specify a load balancer object"));
    }

    #[test]
    fn unresolved_task_definition_is_silent() {
        assert_clean(CODE, &service(""));
    }
}
