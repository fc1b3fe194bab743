//! On EC2, a service's placement strategy decides where tasks go. AWS spreads a service's tasks
//! across Availability Zones by default, but a placement strategy that does not start with that
//! spread replaces the default and can pack every task into one zone.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{is_opaque, known_str};
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct NoAvailabilityZoneSpread {
        code: "ECS-HA-009",
        name: "no-availability-zone-spread",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "an EC2 service that does not spread tasks across Availability Zones first",
    }
}

const AZ_ATTRIBUTE: &str = "attribute:ecs.availability-zone";

impl Rule for NoAvailabilityZoneSpread {
    fn check_service(&self, service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        if service.scheduling_strategy() != Some("REPLICA") || !runs_on_ec2(service) {
            return;
        }
        // No strategy: AWS spreads the service's tasks across Availability Zones itself.
        let strategies = service.array("placementStrategy");
        let Some(first) = strategies.first() else { return };
        let mut described = Vec::new();
        for strategy in strategies {
            let kind = strategy.get("type");
            let field = strategy.get("field");
            if kind.is_some_and(is_opaque) || field.is_some_and(is_opaque) {
                return;
            }
            let Some(kind) = known_str(kind) else { return };
            described.push(match known_str(field).filter(|f| !f.trim().is_empty()) {
                Some(field) if kind != "random" => format!("{kind} by {field}"),
                _ => kind.to_string(),
            });
        }
        if is_az_spread(first) {
            return;
        }
        let later = strategies.iter().position(is_az_spread);
        let message = match later {
            Some(i) => format!(
                "placement strategy starts with {} and spreads across Availability Zones only as rule {}; tasks \
                 are placed by the first rule, so they can end up in one zone",
                described.first().map_or("another rule", String::as_str),
                i + 1
            ),
            None => format!(
                "placement strategy ({}) replaces the default spread across Availability Zones; tasks can all end \
                 up in one zone",
                described.join(", ")
            ),
        };
        cx.report(self, "/placementStrategy/0/type")
            .message(message)
            .label("not a spread across Availability Zones")
            .help(format!(
                "put {{\"type\": \"spread\", \"field\": \"{AZ_ATTRIBUTE}\"}} first, then the other rules (for \
                 example spread by instanceId or binpack by memory within each zone)"
            ))
            .emit();
    }
}

fn is_az_spread(strategy: &Value) -> bool {
    known_str(strategy.get("type")) == Some("spread")
        && known_str(strategy.get("field")).is_some_and(|f| f.eq_ignore_ascii_case(AZ_ATTRIBUTE))
}

/// The service places tasks on EC2 container instances: launch type EC2, or no launch type and a
/// capacity provider strategy (or the cluster default) without Fargate providers.
fn runs_on_ec2(service: &Service<'_>) -> bool {
    match service.get("launchType") {
        None | Some(Value::Null) => {}
        Some(_) => return service.launch_type() == Some("EC2"),
    }
    let providers = service.array("capacityProviderStrategy");
    let named = service.capacity_providers();
    named.len() == providers.len() && !named.iter().any(|p| p.starts_with("FARGATE"))
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-HA-009";

    fn service(extra: &str, strategy: &str) -> String {
        format!(
            r#"{{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 4{extra},
                "placementStrategy": {strategy}}}"#
        )
    }

    const EC2: &str = r#", "launchType": "EC2""#;

    #[test]
    fn binpack_alone_fires() {
        let messages = assert_fires(CODE, 1, &service(EC2, r#"[{"type": "binpack", "field": "memory"}]"#));
        assert!(
            messages[0].contains("placement strategy (binpack by memory) replaces the default spread"),
            "{messages:?}"
        );
        assert_fires(CODE, 1, &service(EC2, r#"[{"type": "random"}]"#));
        assert_fires(CODE, 1, &service(EC2, r#"[{"type": "spread", "field": "instanceId"}]"#));
    }

    #[test]
    fn availability_zone_spread_not_first_fires() {
        let messages = assert_fires(
            CODE,
            1,
            &service(
                EC2,
                r#"[{"type": "binpack", "field": "cpu"}, {"type": "spread", "field": "attribute:ecs.availability-zone"}]"#,
            ),
        );
        assert!(messages[0].contains("only as rule 2"));
    }

    #[test]
    fn asg_capacity_providers_and_the_default_launch_type_are_ec2() {
        let asg = r#", "capacityProviderStrategy": [{"capacityProvider": "my-asg-provider", "weight": 1}]"#;
        assert_fires(CODE, 1, &service(asg, r#"[{"type": "binpack", "field": "memory"}]"#));
        assert_fires(CODE, 1, &service("", r#"[{"type": "binpack", "field": "memory"}]"#));
    }

    #[test]
    fn az_spread_first_default_fargate_and_daemons_are_clean() {
        assert_clean(
            CODE,
            &service(
                EC2,
                r#"[{"type": "spread", "field": "attribute:ecs.availability-zone"}, {"type": "binpack", "field": "memory"}]"#,
            ),
        );
        // No strategy: AWS spreads across Availability Zones by default.
        assert_clean(CODE, &service(EC2, "[]"));
        assert_clean(
            CODE,
            r#"{"serviceName": "web", "taskDefinition": "web:1", "launchType": "EC2", "desiredCount": 2}"#,
        );
        assert_clean(CODE, &service(r#", "launchType": "FARGATE""#, r#"[{"type": "random"}]"#));
        assert_clean(CODE, &service(r#", "launchType": "EXTERNAL""#, r#"[{"type": "random"}]"#));
        let spot = r#", "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]"#;
        assert_clean(CODE, &service(spot, r#"[{"type": "random"}]"#));
        assert_clean(CODE, &service(r#", "schedulingStrategy": "DAEMON""#, r#"[{"type": "random"}]"#));
    }

    #[test]
    fn placeholders_are_opaque() {
        assert_clean(CODE, &service(EC2, r#"[{"type": "${TYPE}", "field": "memory"}]"#));
        assert_clean(CODE, &service(r#", "launchType": "${LAUNCH_TYPE}""#, r#"[{"type": "random"}]"#));
        let opaque = r#", "capacityProviderStrategy": [{"capacityProvider": "${PROVIDER}", "weight": 1}]"#;
        assert_clean(CODE, &service(opaque, r#"[{"type": "random"}]"#));
    }
}
