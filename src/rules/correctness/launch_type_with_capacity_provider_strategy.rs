//! AWS rejects a service that names both a launch type and a capacity provider strategy.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, Shape, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct LaunchTypeWithCapacityProviderStrategy {
        code: "ECS-COR-056",
        name: "launch-type-with-capacity-provider-strategy",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "both launchType and capacityProviderStrategy are set",
    }
}

impl Rule for LaunchTypeWithCapacityProviderStrategy {
    fn check_service(&self, service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        // UpdateService has no `launchType`: the schema reports the unknown field there.
        if service.shape() == Shape::UpdateService {
            return;
        }
        let Some(launch_type) = service.launch_type().filter(|l| !l.trim().is_empty()) else { return };
        // An empty strategy (`[]`, common in describe-services output) or one whose entries name
        // no provider (`""` in a CLI skeleton) is no strategy.
        let strategy = service.array("capacityProviderStrategy");
        let names_provider = |entry: &Value| match entry.get("capacityProvider") {
            None | Some(Value::Null) => false,
            Some(Value::String(name)) => !name.trim().is_empty(),
            Some(_) => true,
        };
        if !strategy.iter().any(names_provider) {
            return;
        }
        let providers = service.capacity_providers();
        let named = if providers.is_empty() {
            String::new()
        } else {
            format!(" ({})", providers.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", "))
        };
        let only_fargate = !providers.is_empty()
            && providers.len() == strategy.len()
            && providers.iter().all(|p| *p == "FARGATE" || *p == "FARGATE_SPOT");
        let help = if launch_type == "FARGATE" && only_fargate {
            "remove `launchType`: the capacity provider strategy already runs the tasks on Fargate".to_string()
        } else {
            format!(
                "keep one: remove `launchType` to place tasks with the capacity providers, or remove \
                 `capacityProviderStrategy` to use the {launch_type} launch type"
            )
        };
        cx.report(self, "/launchType")
            .message(format!(
                "service sets both `launchType` {launch_type} and `capacityProviderStrategy`{named}; AWS rejects it: \
                 Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again."
            ))
            .label("launch type set here")
            .related("/capacityProviderStrategy", "capacity provider strategy set here")
            .help(help)
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-056";

    #[test]
    fn both_set_is_rejected_with_the_aws_text() {
        let messages = assert_fires(
            CODE,
            1,
            r#"{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 2, "launchType": "FARGATE",
               "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]}"#,
        );
        assert!(messages[0].contains("`launchType` FARGATE"));
        assert!(messages[0].contains("(`FARGATE_SPOT`)"));
        assert!(messages[0].contains("Specifying both a launch type and capacity provider strategy is not supported"));
        // describe-services output is checked too.
        assert_fires(
            CODE,
            1,
            r#"{"services": [{"serviceName": "web", "launchType": "FARGATE",
               "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}]}]}"#,
        );
        assert_fires(
            CODE,
            1,
            r#"{"serviceName": "web", "launchType": "EC2",
               "capacityProviderStrategy": [{"capacityProvider": "${CP}", "weight": 1}]}"#,
        );
    }

    #[test]
    fn one_of_them_is_fine() {
        assert_clean(CODE, r#"{"serviceName": "web", "taskDefinition": "web:1", "launchType": "FARGATE"}"#);
        assert_clean(
            CODE,
            r#"{"serviceName": "web", "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}]}"#,
        );
        // describe-services output lists an empty strategy next to the launch type.
        assert_clean(
            CODE,
            r#"{"services": [{"serviceName": "web", "launchType": "FARGATE", "capacityProviderStrategy": []}]}"#,
        );
        assert_clean(CODE, r#"{"serviceName": "web", "launchType": "FARGATE", "capacityProviderStrategy": null}"#);
        // A `--generate-cli-skeleton` file names no provider.
        assert_clean(
            CODE,
            r#"{"serviceName": "", "launchType": "FARGATE", "capacityProviderStrategy": [{"capacityProvider": "", "weight": 0}]}"#,
        );
        assert_clean(
            CODE,
            r#"{"serviceName": "web", "launchType": "", "capacityProviderStrategy": [{"capacityProvider": "FARGATE"}]}"#,
        );
    }

    #[test]
    fn opaque_launch_type_is_not_judged() {
        assert_clean(
            CODE,
            r#"{"serviceName": "web", "launchType": "${LAUNCH_TYPE}",
               "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}]}"#,
        );
    }

    #[test]
    fn task_definitions_are_not_services() {
        assert_clean(CODE, r#"{"family": "web", "containerDefinitions": [{"name": "a", "image": "nginx"}]}"#);
        assert_clean(CODE, r#"[{"name": "a", "image": "nginx", "memory": 128}]"#);
    }
}
