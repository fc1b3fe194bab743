//! A subnet lives in one Availability Zone: a service whose tasks get one subnet runs them all in
//! that zone, and a zone outage stops the service.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct SingleSubnet {
        code: "ECS-HA-008",
        name: "single-subnet",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "all tasks can land in one Availability Zone: the service has one subnet",
    }
}

impl Rule for SingleSubnet {
    fn check_service(&self, service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        // A daemon follows its container instances, not the subnets.
        if service.scheduling_strategy() != Some("REPLICA") || service.int("desiredCount") == Some(0) {
            return;
        }
        let Some(subnets) = service.awsvpc_configuration().and_then(|c| c.get("subnets")).and_then(Value::as_array)
        else {
            return;
        };
        // A placeholder (`${SUBNETS}`, `PLACEHOLDER_SUBNET`) may stand for several subnets: only a
        // subnet ID counts.
        let [only] = subnets.as_slice() else { return };
        let Some(subnet) = known_str(Some(only)).filter(|s| is_subnet_id(s)) else { return };
        cx.report(self, "/networkConfiguration/awsvpcConfiguration/subnets")
            .message(format!(
                "service places every task in subnet `{subnet}`, which is in a single Availability Zone; an outage \
                 of that zone stops the whole service"
            ))
            .label("one subnet, one Availability Zone")
            .help("list subnets from at least two Availability Zones; ECS spreads the tasks across them")
            .emit();
    }
}

/// `subnet-` followed by hex digits, as AWS writes subnet IDs.
fn is_subnet_id(text: &str) -> bool {
    text.strip_prefix("subnet-").is_some_and(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-HA-008";

    fn service(subnets: &str) -> String {
        format!(
            r#"{{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 2, "launchType": "FARGATE",
                "networkConfiguration": {{"awsvpcConfiguration": {{"subnets": {subnets}}}}}}}"#
        )
    }

    #[test]
    fn one_subnet_fires() {
        let messages = assert_fires(CODE, 1, &service(r#"["subnet-0a1b2c3d"]"#));
        assert!(messages[0].contains("subnet `subnet-0a1b2c3d`"));
    }

    #[test]
    fn several_subnets_and_daemons_are_clean() {
        assert_clean(CODE, &service(r#"["subnet-0a1b2c3d", "subnet-4e5f6a7b"]"#));
        assert_clean(CODE, &service("[]"));
        assert_clean(CODE, &service(r#""subnet-1""#));
        assert_clean(
            CODE,
            r#"{"serviceName": "a", "taskDefinition": "a", "schedulingStrategy": "DAEMON",
                "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]}}}"#,
        );
        assert_clean(CODE, r#"{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 2}"#);
    }

    #[test]
    fn placeholders_are_opaque() {
        assert_clean(CODE, &service(r#"["${SUBNET_IDS}"]"#));
        assert_clean(CODE, &service(r#"["subnet-1,subnet-2"]"#));
        assert_clean(CODE, &service(r#"["PLACEHOLDER_SUBNET"]"#));
        assert_clean(CODE, &service(r#""${SUBNETS}""#));
    }
}
