//! The DAEMON scheduling strategy runs one task per container instance: AWS rejects it on Fargate,
//! with the CODE_DEPLOY or EXTERNAL deployment controllers, and with a maximumPercent above 100.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct InvalidDaemonService {
        code: "ECS-COR-055",
        name: "invalid-daemon-service",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a DAEMON service with a launch type, controller or deployment setting DAEMON does not support",
    }
}

/// The API reference's wording (CreateService, schedulingStrategy), checked 2026-11-23.
const DAEMON_LIMITS: &str = "Tasks using the Fargate launch type or the CODE_DEPLOY or EXTERNAL deployment controller \
                             types don't support the DAEMON scheduling strategy.";

impl Rule for InvalidDaemonService {
    fn check_service(&self, service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        // Only an explicit DAEMON: the default is REPLICA.
        if service.str("schedulingStrategy") != Some("DAEMON") {
            return;
        }
        if service.is_fargate() {
            let (at, what) = if service.launch_type() == Some("FARGATE") {
                ("/launchType", "launch type FARGATE")
            } else {
                ("/capacityProviderStrategy", "Fargate capacity providers")
            };
            cx.report(self, at)
                .message(format!("a DAEMON service cannot run on Fargate ({what}); AWS rejects it: {DAEMON_LIMITS}"))
                .label("Fargate does not support DAEMON")
                .related("/schedulingStrategy", "scheduling strategy DAEMON")
                .help(
                    "use `schedulingStrategy` REPLICA with a `desiredCount` on Fargate, or run the daemon on EC2 \
                     container instances",
                )
                .emit();
        }
        if let Some(controller @ ("CODE_DEPLOY" | "EXTERNAL")) = service.deployment_controller() {
            cx.report(self, "/deploymentController/type")
                .message(format!(
                    "a DAEMON service cannot use the {controller} deployment controller; AWS rejects it: {DAEMON_LIMITS}"
                ))
                .label(format!("{controller} does not support DAEMON"))
                .related("/schedulingStrategy", "scheduling strategy DAEMON")
                .help("use the ECS (rolling update) deployment controller, or the REPLICA scheduling strategy")
                .emit();
        }
        let maximum = service.at(&["deploymentConfiguration", "maximumPercent"]).and_then(Value::as_i64);
        if let Some(maximum) = maximum.filter(|m| *m > 100) {
            cx.report(self, "/deploymentConfiguration/maximumPercent")
                .message(format!(
                    "a DAEMON service has maximumPercent {maximum}; AWS rejects it: The daemon scheduling strategy \
                     does not support values above 100 for maximumPercent on a deployment configuration. Change the \
                     maximumPercent value to 100, and try again"
                ))
                .label("above 100")
                .related("/schedulingStrategy", "scheduling strategy DAEMON")
                .help("set `maximumPercent` to 100 (or remove it): a daemon runs one task per instance")
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-COR-055";

    fn daemon(extra: &str) -> String {
        format!(r#"{{"serviceName": "agent", "taskDefinition": "agent", "schedulingStrategy": "DAEMON"{extra}}}"#)
    }

    #[test]
    fn daemon_on_fargate_fires() {
        let messages = assert_fires(CODE, 1, &daemon(r#", "launchType": "FARGATE""#));
        assert!(messages[0].contains("cannot run on Fargate"));
        assert!(messages[0].contains("don't support the DAEMON scheduling strategy."));
        let found =
            findings(CODE, &daemon(r#", "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}]"#));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/capacityProviderStrategy");
    }

    #[test]
    fn daemon_with_blue_green_or_external_controller_fires() {
        assert_fires(CODE, 1, &daemon(r#", "deploymentController": {"type": "CODE_DEPLOY"}"#));
        let found = findings(CODE, &daemon(r#", "deploymentController": {"type": "EXTERNAL"}"#));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/deploymentController/type");
    }

    #[test]
    fn maximum_percent_above_100_fires_with_the_aws_text() {
        let messages = assert_fires(CODE, 1, &daemon(r#", "deploymentConfiguration": {"maximumPercent": 200}"#));
        assert!(messages[0].contains("Change the maximumPercent value to 100, and try again"));
    }

    #[test]
    fn valid_daemons_and_replicas_are_clean() {
        assert_clean(CODE, &daemon(r#", "launchType": "EC2", "deploymentConfiguration": {"maximumPercent": 100}"#));
        // The EXTERNAL launch type (ECS Anywhere) supports DAEMON; cfn-lint once flagged it wrongly.
        assert_clean(CODE, &daemon(r#", "launchType": "EXTERNAL""#));
        assert_clean(CODE, &daemon(r#", "deploymentController": {"type": "ECS"}"#));
        assert_clean(
            CODE,
            r#"{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE",
                "deploymentConfiguration": {"maximumPercent": 200}}"#,
        );
    }

    #[test]
    fn placeholders_are_opaque() {
        assert_clean(
            CODE,
            &daemon(r#", "launchType": "${LAUNCH_TYPE}", "deploymentConfiguration": {"maximumPercent": "${MAX}"}"#),
        );
        assert_clean(
            CODE,
            r#"{"serviceName": "a", "taskDefinition": "a", "schedulingStrategy": "${S}", "launchType": "FARGATE"}"#,
        );
    }
}
