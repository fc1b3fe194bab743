//! `healthCheckGracePeriodSeconds` does nothing when no health check it could delay exists.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, Shape, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct HealthCheckGracePeriodWithoutLoadBalancer {
        code: "ECS-COR-057",
        name: "health-check-grace-period-without-load-balancer",
        category: Correctness,
        severity: Info,
        since: "0.1.0",
        summary: "healthCheckGracePeriodSeconds on a service with nothing it applies to",
    }
}

/// Present and not an empty array (an opaque or malformed value counts as present).
fn in_use(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::Array(items)) => !items.is_empty(),
        Some(_) => true,
    }
}

impl Rule for HealthCheckGracePeriodWithoutLoadBalancer {
    fn check_service(&self, service: &Service<'_>, task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        // In an update, an absent `loadBalancers` means "unchanged", not "none".
        if service.shape() == Shape::UpdateService {
            return;
        }
        // 0 is the default, and what describe-services prints for every service.
        let Some(grace) = service.int("healthCheckGracePeriodSeconds").filter(|g| *g > 0) else { return };
        if in_use(service.get("loadBalancers")) || in_use(service.get("vpcLatticeConfigurations")) {
            return;
        }
        // Container health checks use the grace period too: only the task definition can tell.
        let Some(task) = task else { return };
        let containers = task.containers();
        if containers.is_empty() || containers.iter().any(|c| c.has("healthCheck")) {
            return;
        }
        let family = task.describe();
        cx.report(self, "/healthCheckGracePeriodSeconds")
            .message(format!(
                "`healthCheckGracePeriodSeconds` is {grace} but no health check uses it: the service has no load \
                 balancer or VPC Lattice target group, and no container of {family} has a `healthCheck`"
            ))
            .label("grace period for health checks that do not exist")
            .related_task("/containerDefinitions", "no container here has a `healthCheck`")
            .help(
                "add a container `healthCheck` (its `startPeriod` also gives slow starters time), or attach the \
                 load balancer the grace period was meant for; otherwise remove `healthCheckGracePeriodSeconds`",
            )
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::assert_clean;

    const CODE: &str = "ECS-COR-057";

    /// Lints a service and a task definition as two files of one run; returns this rule's messages.
    fn linked(service: &str, task: &str) -> Vec<String> {
        crate::rules::tester::linked(CODE, service, task).into_iter().map(|d| d.message).collect()
    }

    const NO_HEALTH_CHECK: &str =
        r#"{"family": "worker", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 128}]}"#;
    const HEALTH_CHECK: &str = r#"{"family": "worker", "containerDefinitions": [{"name": "app", "image": "nginx",
        "memory": 128, "healthCheck": {"command": ["CMD-SHELL", "true"]}}]}"#;

    #[test]
    fn fires_when_nothing_uses_the_grace_period() {
        let svc = r#"{"serviceName": "worker", "taskDefinition": "worker:4", "desiredCount": 1,
                      "healthCheckGracePeriodSeconds": 120}"#;
        let messages = linked(svc, NO_HEALTH_CHECK);
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(messages[0].contains("`healthCheckGracePeriodSeconds` is 120"));
        assert!(messages[0].contains("no container of task definition `worker` has a `healthCheck`"));
        let lb_empty = r#"{"serviceName": "worker", "taskDefinition": "worker", "loadBalancers": [],
                           "healthCheckGracePeriodSeconds": 60}"#;
        assert_eq!(linked(lb_empty, NO_HEALTH_CHECK).len(), 1);
    }

    #[test]
    fn container_health_checks_use_it() {
        // AWS applies the grace period to container health checks too (API reference, 2026-11-23).
        let svc = r#"{"serviceName": "worker", "taskDefinition": "worker:4", "healthCheckGracePeriodSeconds": 120}"#;
        assert!(linked(svc, HEALTH_CHECK).is_empty());
    }

    #[test]
    fn load_balancers_and_lattice_use_it() {
        let lb = r#"{"serviceName": "worker", "taskDefinition": "worker", "healthCheckGracePeriodSeconds": 60,
            "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/w/1",
                               "containerName": "app", "containerPort": 80}]}"#;
        assert!(linked(lb, NO_HEALTH_CHECK).is_empty());
        let lattice = r#"{"serviceName": "worker", "taskDefinition": "worker", "healthCheckGracePeriodSeconds": 60,
            "vpcLatticeConfigurations": [{"roleArn": "arn:aws:iam::123456789012:role/l",
              "targetGroupArn": "arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/tg-1", "portName": "http"}]}"#;
        assert!(linked(lattice, NO_HEALTH_CHECK).is_empty());
        let opaque = r#"{"serviceName": "worker", "taskDefinition": "worker", "healthCheckGracePeriodSeconds": 60,
                         "loadBalancers": "${LOAD_BALANCERS}"}"#;
        assert!(linked(opaque, NO_HEALTH_CHECK).is_empty());
    }

    #[test]
    fn default_zero_and_placeholders_are_silent() {
        let zero = r#"{"serviceName": "worker", "taskDefinition": "worker", "healthCheckGracePeriodSeconds": 0}"#;
        assert!(linked(zero, NO_HEALTH_CHECK).is_empty());
        let opaque =
            r#"{"serviceName": "worker", "taskDefinition": "worker", "healthCheckGracePeriodSeconds": "${G}"}"#;
        assert!(linked(opaque, NO_HEALTH_CHECK).is_empty());
    }

    #[test]
    fn needs_the_task_definition_and_a_full_service() {
        // Without the task definition, a container health check may exist: stay silent.
        assert_clean(
            CODE,
            r#"{"serviceName": "worker", "taskDefinition": "worker", "healthCheckGracePeriodSeconds": 60}"#,
        );
        // An update without `loadBalancers` keeps the service's load balancers.
        let update = r#"{"service": "worker", "taskDefinition": "worker", "healthCheckGracePeriodSeconds": 60}"#;
        assert!(linked(update, NO_HEALTH_CHECK).is_empty());
    }
}
