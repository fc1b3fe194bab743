//! With Availability Zone rebalancing off, a service that lost tasks in one zone (an outage, a
//! scale-in) stays lopsided until the next deployment.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct AvailabilityZoneRebalancingDisabled {
        code: "ECS-HA-012",
        name: "availability-zone-rebalancing-disabled",
        category: Availability,
        severity: Info,
        since: "0.1.0",
        summary: "the service turns Availability Zone rebalancing off",
    }
}

impl Rule for AvailabilityZoneRebalancingDisabled {
    fn check_service(&self, service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        if service.str("availabilityZoneRebalancing") != Some("DISABLED") {
            return;
        }
        // Only where rebalancing certainly applies: a replica service on the ECS controller whose
        // placement is left to the default spread across zones (binpack and pinned placements
        // are not compatible with it, and AWS itself leaves it off there).
        let launch_type_fits = match service.get("launchType") {
            None | Some(Value::Null) => true,
            Some(_) => service.launch_type().is_some_and(|t| t != "EXTERNAL"),
        };
        let unset = |key: &str| match service.get(key) {
            None | Some(Value::Null) => true,
            Some(Value::Array(items)) => items.is_empty(),
            Some(_) => false,
        };
        let compatible = service.scheduling_strategy() == Some("REPLICA")
            && service.deployment_controller() == Some("ECS")
            && launch_type_fits
            && unset("placementStrategy")
            && unset("placementConstraints");
        if !compatible {
            return;
        }
        cx.report(self, "/availabilityZoneRebalancing")
            .message(
                "Availability Zone rebalancing is turned off; after a zone outage or a scale-in the tasks can stay \
                 concentrated in fewer zones until the next deployment",
            )
            .label("rebalancing off")
            .help(
                "set `availabilityZoneRebalancing` to \"ENABLED\" (the CreateService default), unless the service \
                 cannot tolerate ECS stopping and restarting tasks to rebalance them",
            )
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-HA-012";

    fn service(extra: &str) -> String {
        format!(
            r#"{{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 3, "availabilityZoneRebalancing": "DISABLED"{extra}}}"#
        )
    }

    #[test]
    fn disabled_fires() {
        let messages = assert_fires(CODE, 1, &service(r#", "launchType": "FARGATE""#));
        assert!(messages[0].contains("Availability Zone rebalancing is turned off"));
        assert_fires(CODE, 1, r#"{"service": "web", "desiredCount": 3, "availabilityZoneRebalancing": "DISABLED"}"#);
    }

    #[test]
    fn enabled_default_and_incompatible_services_are_clean() {
        assert_clean(CODE, &service("").replace("DISABLED", "ENABLED"));
        assert_clean(CODE, r#"{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 3}"#);
        assert_clean(CODE, &service(r#", "placementStrategy": [{"type": "binpack", "field": "memory"}]"#));
        assert_clean(CODE, &service(r#", "placementConstraints": [{"type": "distinctInstance"}]"#));
        assert_clean(CODE, &service(r#", "schedulingStrategy": "DAEMON""#));
        assert_clean(CODE, &service(r#", "deploymentController": {"type": "CODE_DEPLOY"}"#));
        assert_clean(CODE, &service(r#", "launchType": "EXTERNAL""#));
    }

    #[test]
    fn placeholders_are_opaque() {
        assert_clean(CODE, &service(r#", "launchType": "${LAUNCH_TYPE}""#));
        assert_clean(CODE, &service(r#", "placementStrategy": "${STRATEGY}""#));
        assert_clean(
            CODE,
            r#"{"serviceName": "web", "taskDefinition": "web:1", "availabilityZoneRebalancing": "${AZR}"}"#,
        );
    }
}
