//! Without the deployment circuit breaker (and its rollback), a rolling deployment of a broken
//! revision keeps launching failing tasks instead of returning to the last working one.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{is_present, known_str};
use crate::model::{Service, Shape, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct NoDeploymentCircuitBreaker {
        code: "ECS-HA-011",
        name: "no-deployment-circuit-breaker",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "a rolling deployment without a circuit breaker that rolls back",
    }
}

const HELP: &str =
    "add \"deploymentCircuitBreaker\": {\"enable\": true, \"rollback\": true} to `deploymentConfiguration`";

impl Rule for NoDeploymentCircuitBreaker {
    fn check_service(&self, service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        // An update leaves what it omits unchanged.
        if service.shape() == Shape::UpdateService || !is_rolling_replica(service) {
            return;
        }
        // Older API references: not for services behind a Classic Load Balancer.
        if service.array("loadBalancers").iter().any(|lb| is_present(lb.get("loadBalancerName"))) {
            return;
        }
        if service.get("deploymentConfiguration").is_some_and(|v| !v.is_null() && !v.is_object()) {
            return;
        }
        let breaker = service.at(&["deploymentConfiguration", "deploymentCircuitBreaker"]).filter(|v| !v.is_null());
        if breaker.is_some_and(|b| !b.is_object()) {
            return;
        }
        let Some(breaker) = breaker else {
            let at = if service.has("deploymentConfiguration") { "/deploymentConfiguration" } else { "" };
            cx.report(self, at)
                .on_key()
                .message(
                    "rolling deployments run without the deployment circuit breaker; a revision whose tasks never \
                     become healthy keeps being retried instead of failing and rolling back",
                )
                .label("no deploymentCircuitBreaker")
                .help(HELP)
                .emit();
            return;
        };
        let flag = |key: &str| match breaker.get(key) {
            None | Some(Value::Null) => Some(false),
            Some(v) => v.as_bool(),
        };
        match (flag("enable"), flag("rollback")) {
            (Some(false), _) => cx
                .report(self, "/deploymentConfiguration/deploymentCircuitBreaker/enable")
                .message(
                    "the deployment circuit breaker is turned off; a revision whose tasks never become healthy keeps \
                     being retried instead of failing and rolling back",
                )
                .label("circuit breaker off")
                .help("set \"enable\": true and \"rollback\": true")
                .emit(),
            (Some(true), Some(false)) => cx
                .report(self, "/deploymentConfiguration/deploymentCircuitBreaker/rollback")
                .on_key()
                .message(
                    "the deployment circuit breaker stops a failing deployment but does not roll it back; the service \
                     stays on the broken revision until someone deploys again",
                )
                .label("no rollback")
                .help("set \"rollback\": true so ECS returns to the last deployment that completed")
                .emit(),
            _ => {}
        }
    }
}

/// A REPLICA service deployed by ECS rolling updates (the default controller and strategy).
fn is_rolling_replica(service: &Service<'_>) -> bool {
    if service.scheduling_strategy() != Some("REPLICA") || service.deployment_controller() != Some("ECS") {
        return false;
    }
    match service.at(&["deploymentConfiguration", "strategy"]) {
        None | Some(Value::Null) => true,
        strategy => known_str(strategy) == Some("ROLLING"),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-HA-011";

    fn service(deployment: &str) -> String {
        format!(
            r#"{{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 2, "launchType": "FARGATE"{deployment}}}"#
        )
    }

    #[test]
    fn missing_breaker_fires() {
        let messages = assert_fires(CODE, 1, &service(""));
        assert!(messages[0].contains("without the deployment circuit breaker"));
        let found = findings(CODE, &service(r#", "deploymentConfiguration": {"maximumPercent": 200}"#));
        assert_eq!(found[0].pointer, "/deploymentConfiguration");
    }

    #[test]
    fn breaker_off_or_without_rollback_fires() {
        let found = findings(
            CODE,
            &service(
                r#", "deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": false, "rollback": false}}"#,
            ),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/deploymentConfiguration/deploymentCircuitBreaker/enable");
        let messages = assert_fires(
            CODE,
            1,
            &service(
                r#", "deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": true, "rollback": false}}"#,
            ),
        );
        assert!(messages[0].contains("does not roll it back"));
    }

    #[test]
    fn breaker_with_rollback_and_other_deployment_types_are_clean() {
        let on = r#", "deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": true, "rollback": true}}"#;
        assert_clean(CODE, &service(on));
        assert_clean(CODE, &service(r#", "deploymentController": {"type": "CODE_DEPLOY"}"#));
        assert_clean(CODE, &service(r#", "deploymentController": {"type": "EXTERNAL"}"#));
        assert_clean(
            CODE,
            &service(r#", "deploymentConfiguration": {"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 5}"#),
        );
        assert_clean(CODE, r#"{"serviceName": "a", "taskDefinition": "a", "schedulingStrategy": "DAEMON"}"#);
        // An update that does not touch the deployment configuration keeps the service's own.
        assert_clean(CODE, r#"{"service": "web", "taskDefinition": "web:2"}"#);
        let classic =
            r#", "loadBalancers": [{"loadBalancerName": "web", "containerName": "app", "containerPort": 80}]"#;
        assert_clean(CODE, &service(classic));
    }

    #[test]
    fn rolling_strategy_is_the_default_one() {
        assert_fires(CODE, 1, &service(r#", "deploymentConfiguration": {"strategy": "ROLLING"}"#));
    }

    #[test]
    fn placeholders_are_opaque() {
        assert_clean(
            CODE,
            &service(
                r#", "deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": "${CB}", "rollback": "${CB}"}}"#,
            ),
        );
        assert_clean(CODE, &service(r#", "deploymentController": {"type": "${CONTROLLER}"}"#));
        assert_clean(CODE, &service(r#", "deploymentConfiguration": {"strategy": "${STRATEGY}"}"#));
        assert_clean(CODE, &service(r#", "deploymentConfiguration": {"deploymentCircuitBreaker": "${CB}"}"#));
        assert_clean(CODE, &service(r#", "deploymentConfiguration": "${DEPLOYMENT}""#));
    }
}
