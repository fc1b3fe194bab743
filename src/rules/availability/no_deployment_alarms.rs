//! The circuit breaker only sees tasks that fail to start or stay unhealthy; CloudWatch alarms on
//! the deployment also catch a revision that runs but misbehaves (errors, latency).

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, Shape, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct NoDeploymentAlarms {
        code: "ECS-HA-015",
        name: "no-deployment-alarms",
        category: Availability,
        severity: Info,
        since: "0.1.0",
        summary: "a rolling deployment without CloudWatch alarms to stop it",
    }
}

const HELP: &str = "add \"alarms\": {\"alarmNames\": [\"web-5xx-rate\"], \"enable\": true, \"rollback\": true} to \
                    `deploymentConfiguration`, naming alarms on the service's error rate or latency";

impl Rule for NoDeploymentAlarms {
    fn check_service(&self, service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        // An update leaves what it omits unchanged; alarms work with the ECS controller only.
        if service.shape() == Shape::UpdateService
            || service.scheduling_strategy() != Some("REPLICA")
            || service.deployment_controller() != Some("ECS")
        {
            return;
        }
        if service.get("deploymentConfiguration").is_some_and(|v| !v.is_null() && !v.is_object()) {
            return;
        }
        let alarms = service.at(&["deploymentConfiguration", "alarms"]).filter(|v| !v.is_null());
        let Some(alarms) = alarms else {
            let at = if service.has("deploymentConfiguration") { "/deploymentConfiguration" } else { "" };
            cx.report(self, at)
                .on_key()
                .message(
                    "deployments are not watched by CloudWatch alarms; a revision that starts but serves errors is \
                     rolled out to every task",
                )
                .label("no deployment alarms")
                .help(HELP)
                .emit();
            return;
        };
        if !alarms.is_object() {
            return;
        }
        let enabled = alarms.get("enable").and_then(Value::as_bool);
        let names = alarms.get("alarmNames").and_then(Value::as_array).map(Vec::len);
        let (at, message) = match (enabled, names) {
            (Some(false), _) => (
                "/deploymentConfiguration/alarms/enable",
                "deployment alarms are turned off; a revision that starts but serves errors is rolled out to every task",
            ),
            (Some(true), Some(0)) => (
                "/deploymentConfiguration/alarms/alarmNames",
                "deployment alarms are enabled but name no alarm, so nothing stops a bad deployment",
            ),
            _ => return,
        };
        cx.report(self, at).message(message).label("no alarm watches deployments").help(HELP).emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-HA-015";

    fn service(deployment: &str) -> String {
        format!(r#"{{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 2{deployment}}}"#)
    }

    #[test]
    fn missing_or_disabled_alarms_fire() {
        let messages = assert_fires(CODE, 1, &service(""));
        assert!(messages[0].contains("not watched by CloudWatch alarms"));
        let found = findings(
            CODE,
            &service(
                r#", "deploymentConfiguration": {"alarms": {"alarmNames": ["a"], "enable": false, "rollback": false}}"#,
            ),
        );
        assert_eq!(found[0].pointer, "/deploymentConfiguration/alarms/enable");
        let found = findings(
            CODE,
            &service(
                r#", "deploymentConfiguration": {"alarms": {"alarmNames": [], "enable": true, "rollback": true}}"#,
            ),
        );
        assert_eq!(found[0].pointer, "/deploymentConfiguration/alarms/alarmNames");
    }

    #[test]
    fn enabled_alarms_and_other_controllers_are_clean() {
        assert_clean(
            CODE,
            &service(
                r#", "deploymentConfiguration": {"alarms": {"alarmNames": ["web-5xx"], "enable": true, "rollback": true}}"#,
            ),
        );
        assert_clean(CODE, &service(r#", "deploymentController": {"type": "CODE_DEPLOY"}"#));
        assert_clean(CODE, &service(r#", "deploymentController": {"type": "EXTERNAL"}"#));
        assert_clean(CODE, r#"{"service": "web", "taskDefinition": "web:2"}"#);
        assert_clean(CODE, r#"{"serviceName": "a", "taskDefinition": "a", "schedulingStrategy": "DAEMON"}"#);
    }

    #[test]
    fn placeholders_are_opaque() {
        assert_clean(CODE, &service(r#", "deploymentConfiguration": {"alarms": "${ALARMS}"}"#));
        assert_clean(
            CODE,
            &service(
                r#", "deploymentConfiguration": {"alarms": {"alarmNames": "${A}", "enable": "${E}", "rollback": true}}"#,
            ),
        );
        assert_clean(CODE, &service(r#", "deploymentConfiguration": "${DEPLOYMENT}""#));
    }
}
