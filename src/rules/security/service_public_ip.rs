//! Tasks with a public IP address are reachable from the internet, guarded only by their
//! security groups (Security Hub ECS.2).

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct ServicePublicIp {
        code: "ECS-SEC-024",
        name: "service-public-ip",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "the service assigns public IP addresses to its tasks",
    }
}

impl Rule for ServicePublicIp {
    fn check_service(&self, service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        let Some(config) = service.awsvpc_configuration() else { return };
        if known_str(config.get("assignPublicIp")) != Some("ENABLED") {
            return;
        }
        let who = service
            .name()
            .filter(|n| !n.trim().is_empty())
            .map_or_else(|| "the service".to_string(), |name| format!("service `{name}`"));
        cx.report(self, "/networkConfiguration/awsvpcConfiguration/assignPublicIp")
            .message(format!(
                "{who} gives every task a public IP address (`assignPublicIp` ENABLED): the tasks can be reached \
                 from the internet, limited only by their security groups (Security Hub ECS.2)"
            ))
            .label("public IP on every task")
            .help(
                "set `assignPublicIp` to DISABLED and run the tasks in private subnets; put a load balancer in front \
                 for inbound traffic, and reach ECR, CloudWatch Logs and Secrets Manager through a NAT gateway or VPC \
                 endpoints",
            )
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-024";

    fn svc(assign: &str) -> String {
        format!(
            r#"{{"serviceName": "web", "taskDefinition": "web:1", "launchType": "FARGATE",
               "networkConfiguration": {{"awsvpcConfiguration": {{"subnets": ["subnet-1"], "assignPublicIp": {assign}}}}}}}"#
        )
    }

    #[test]
    fn enabled_is_reported() {
        let messages = assert_fires(CODE, 1, &svc(r#""ENABLED""#));
        assert!(messages[0].contains("service `web` gives every task a public IP address"));
        assert!(messages[0].contains("ECS.2"));
        let update = r#"{"service": "api", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["s"], "assignPublicIp": "ENABLED"}}}"#;
        assert!(assert_fires(CODE, 1, update)[0].contains("service `api`"));
        let described = format!(r#"{{"services": [{}]}}"#, svc(r#""ENABLED""#));
        assert_fires(CODE, 1, &described);
    }

    #[test]
    fn disabled_default_and_placeholders_are_clean() {
        assert_clean(CODE, &svc(r#""DISABLED""#));
        assert_clean(CODE, &svc(r#""${ASSIGN_PUBLIC_IP}""#));
        assert_clean(CODE, &svc("null"));
        // AWS's default for create-service and update-service is DISABLED.
        assert_clean(
            CODE,
            r#"{"serviceName": "web", "taskDefinition": "web:1", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]}}}"#,
        );
        assert_clean(CODE, r#"{"serviceName": "web", "taskDefinition": "web:1", "networkConfiguration": null}"#);
    }

    #[test]
    fn task_definitions_are_not_services() {
        assert_clean(CODE, r#"[{"name": "a", "image": "nginx", "memory": 128}]"#);
    }
}
