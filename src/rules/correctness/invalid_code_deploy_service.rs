//! A service on the CODE_DEPLOY deployment controller needs an ALB or NLB, and its task
//! definition is changed through CodeDeploy rather than UpdateService.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{Service, Shape, TaskDefinition, join};
use crate::rule::{Rule, Severity};
use serde_json::Value;

declare_rule! {
    pub struct InvalidCodeDeployService {
        code: "ECS-COR-061",
        name: "invalid-code-deploy-service",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a CODE_DEPLOY service without what blue/green deployments need",
    }
}

const CONTROLLER: &str = "/deploymentController/type";
/// API reference, CreateService `loadBalancers` (checked 2026-11-23).
const NEEDS_ALB_NLB: &str = "If the service uses the CODE_DEPLOY deployment controller, the service is required to \
                             use either an Application Load Balancer or Network Load Balancer.";

impl Rule for InvalidCodeDeployService {
    fn check_service(&self, service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        // Only an explicit controller: in an update, an absent one means "unchanged".
        if known_str(service.at(&["deploymentController", "type"])) != Some("CODE_DEPLOY") {
            return;
        }
        let update = service.shape() == Shape::UpdateService;
        // An update keeps the current load balancers; a described service was already accepted.
        let needs_load_balancers = !matches!(service.shape(), Shape::UpdateService | Shape::DescribeServices);
        if update && service.has("taskDefinition") {
            cx.report(self, "/taskDefinition")
                .severity(Severity::Warning)
                .message(
                    "this UpdateService request changes `taskDefinition` of a CODE_DEPLOY service; AWS rejects it: \
                     Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS \
                     CodeDeploy to trigger a new deployment.",
                )
                .label("changed through CodeDeploy, not UpdateService")
                .related(CONTROLLER, "blue/green through CodeDeploy")
                .help(
                    "remove `taskDefinition` from the request and start a CodeDeploy deployment whose AppSpec names \
                     the new task definition",
                )
                .emit();
        }
        match service.get("loadBalancers") {
            None | Some(Value::Null) if needs_load_balancers => {
                cx.report(self, CONTROLLER)
                    .message(format!(
                        "service uses the CODE_DEPLOY deployment controller without `loadBalancers`; AWS requires \
                         one: {NEEDS_ALB_NLB}"
                    ))
                    .label("blue/green needs an ALB or NLB")
                    .help(
                        "add `loadBalancers` with the target group of an Application or Network Load Balancer (the \
                         second target group goes in the CodeDeploy deployment group), or use the ECS controller",
                    )
                    .emit();
            }
            Some(Value::Array(items)) => {
                if items.is_empty() && needs_load_balancers {
                    cx.report(self, "/loadBalancers")
                        .message(format!(
                            "service uses the CODE_DEPLOY deployment controller with no load balancer; AWS requires \
                             one: {NEEDS_ALB_NLB}"
                        ))
                        .label("empty")
                        .related(CONTROLLER, "blue/green through CodeDeploy")
                        .help("add the target group of an Application or Network Load Balancer")
                        .emit();
                }
                for (i, lb) in items.iter().enumerate() {
                    // Blank strings (a CLI skeleton) name nothing.
                    let named = |key: &str| lb.get(key).and_then(Value::as_str).is_some_and(|t| !t.trim().is_empty());
                    let (classic, target_group) = (named("loadBalancerName"), named("targetGroupArn"));
                    if !classic || target_group {
                        continue;
                    }
                    let pointer = join(&join("/loadBalancers", i), "loadBalancerName");
                    cx.report(self, pointer)
                        .message(format!(
                            "a CODE_DEPLOY service cannot use a Classic Load Balancer (`loadBalancerName`); AWS \
                             requires: {NEEDS_ALB_NLB}"
                        ))
                        .label("Classic Load Balancer")
                        .related(CONTROLLER, "blue/green through CodeDeploy")
                        .help("use an Application or Network Load Balancer: replace `loadBalancerName` with `targetGroupArn`")
                        .emit();
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::Severity;
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-COR-061";
    const TG: &str = r#"{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1",
                        "containerName": "web", "containerPort": 80}"#;

    #[test]
    fn needs_a_load_balancer() {
        let messages = assert_fires(
            CODE,
            1,
            r#"{"serviceName": "web", "taskDefinition": "web:1", "deploymentController": {"type": "CODE_DEPLOY"}}"#,
        );
        assert!(messages[0].contains("required to use either an Application Load Balancer or Network Load Balancer"));
        assert_fires(
            CODE,
            1,
            r#"{"serviceName": "web", "taskDefinition": "web:1", "loadBalancers": [], "deploymentController": {"type": "CODE_DEPLOY"}}"#,
        );
    }

    #[test]
    fn classic_load_balancers_are_not_supported() {
        let messages = assert_fires(
            CODE,
            1,
            r#"{"serviceName": "web", "taskDefinition": "web:1", "deploymentController": {"type": "CODE_DEPLOY"},
               "loadBalancers": [{"loadBalancerName": "classic", "containerName": "web", "containerPort": 80}]}"#,
        );
        assert!(messages[0].contains("Classic Load Balancer"));
    }

    #[test]
    fn updating_the_task_definition_is_a_warning() {
        let update =
            r#"{"service": "web", "taskDefinition": "web:2", "deploymentController": {"type": "CODE_DEPLOY"}}"#;
        let found = findings(CODE, update);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(found[0].message.contains("Unable to update task definition on services with a CODE_DEPLOY"));
        // Without the controller in the request, the service's controller is unknown.
        assert_clean(CODE, r#"{"service": "web", "taskDefinition": "web:2"}"#);
        // An update without loadBalancers keeps the current ones; describe output was accepted.
        assert_clean(
            CODE,
            r#"{"services": [{"serviceName": "web", "deploymentController": {"type": "CODE_DEPLOY"}}]}"#,
        );
        assert_clean(CODE, r#"{"service": "web", "desiredCount": 3, "deploymentController": {"type": "CODE_DEPLOY"}}"#);
    }

    #[test]
    fn valid_blue_green_services_are_clean() {
        let svc = format!(
            r#"{{"serviceName": "web", "taskDefinition": "web:1", "deploymentController": {{"type": "CODE_DEPLOY"}},
                "loadBalancers": [{TG}]}}"#
        );
        assert_clean(CODE, &svc);
        assert_clean(CODE, r#"{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 1}"#);
        assert_clean(
            CODE,
            r#"{"serviceName": "web", "taskDefinition": "web:1", "deploymentController": {"type": "${CONTROLLER}"}}"#,
        );
        assert_clean(
            CODE,
            r#"{"serviceName": "web", "taskDefinition": "web:1", "deploymentController": {"type": "CODE_DEPLOY"},
               "loadBalancers": "${LBS}"}"#,
        );
    }
}
