//! A `memberOf` placement constraint that allows one Availability Zone is binding: every task of
//! the service runs in that zone, and a zone outage stops the service.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{Service, TaskDefinition, join};
use crate::rule::Rule;
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    pub struct PlacementPinsOneAvailabilityZone {
        code: "ECS-HA-010",
        name: "placement-pins-one-availability-zone",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "placement constraints that keep every task in one Availability Zone",
    }
}

/// `attribute:ecs.availability-zone == us-east-1a` or `... in [us-east-1a]` (cluster query language).
static PINNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^attribute:ecs\.availability-zone\s*(?:(?:==|\s+equals\s+)\s*([a-z0-9-]+)|\s+in\s*\[\s*([a-z0-9-]+)\s*\])$",
    )
    .expect("valid regex")
});

/// `and` / `&&` between terms; any other logic (`or`, `not`, `!`, parentheses) is left alone
/// (`!=` and `!~` are comparisons, not negations).
static AND: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\s+and\s+|&&").expect("valid regex"));
static OTHER_LOGIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\|\||\bor\b|\bnot\b|[()]|!(?:[^=~]|$)").expect("valid regex"));

impl Rule for PlacementPinsOneAvailabilityZone {
    fn check_service(&self, service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        // A daemon follows its container instances; Fargate rejects placement constraints anyway.
        if service.scheduling_strategy() != Some("REPLICA") || service.is_fargate() {
            return;
        }
        for (i, constraint) in service.array("placementConstraints").iter().enumerate() {
            if known_str(constraint.get("type")) != Some("memberOf") {
                continue;
            }
            let Some(expression) = known_str(constraint.get("expression")) else { continue };
            let Some(zone) = pinned_zone(expression) else { continue };
            let at = join(&Service::pointer(&["placementConstraints", &i.to_string()]), "expression");
            cx.report(self, at)
                .message(format!(
                    "placement constraint keeps every task in Availability Zone {zone}; constraints are binding, so an \
                     outage of that zone stops the whole service"
                ))
                .label(format!("only {zone}"))
                .help(
                    "allow several zones (`attribute:ecs.availability-zone in [zone-a, zone-b]`), or drop the zone \
                     from the constraint and let the default spread across Availability Zones place the tasks",
                )
                .emit();
        }
    }
}

/// The one zone a memberOf expression allows, when it plainly pins one.
fn pinned_zone(expression: &str) -> Option<String> {
    if OTHER_LOGIC.is_match(expression) {
        return None;
    }
    AND.split(expression.trim()).find_map(|term| {
        let captures = PINNED.captures(term.trim())?;
        captures.get(1).or_else(|| captures.get(2)).map(|m| m.as_str().to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::pinned_zone;
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-HA-010";

    fn service(expression: &str) -> String {
        format!(
            r#"{{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 4, "launchType": "EC2",
                "placementConstraints": [{{"type": "memberOf", "expression": "{expression}"}}]}}"#
        )
    }

    #[test]
    fn one_zone_fires() {
        let messages = assert_fires(CODE, 1, &service("attribute:ecs.availability-zone == us-east-1a"));
        assert!(messages[0].contains("Availability Zone us-east-1a"));
        assert_fires(CODE, 1, &service("attribute:ecs.availability-zone in [us-east-1b]"));
        assert_fires(
            CODE,
            1,
            &service("attribute:ecs.instance-type =~ t3.* and attribute:ecs.availability-zone == eu-west-1c"),
        );
        assert_fires(
            CODE,
            1,
            &service("attribute:ecs.availability-zone == us-east-1a && attribute:ecs.instance-type != t2.micro"),
        );
    }

    #[test]
    fn several_zones_exclusions_and_other_logic_are_clean() {
        assert_clean(CODE, &service("attribute:ecs.availability-zone in [us-east-1a, us-east-1b]"));
        assert_clean(CODE, &service("attribute:ecs.availability-zone != us-east-1d"));
        assert_clean(
            CODE,
            &service("attribute:ecs.availability-zone == us-east-1a or attribute:ecs.availability-zone == us-east-1b"),
        );
        assert_clean(CODE, &service("!(attribute:ecs.availability-zone == us-east-1a)"));
        assert_clean(CODE, &service("not(attribute:ecs.availability-zone == us-east-1a)"));
        assert_clean(CODE, &service("attribute:ecs.instance-type == t3.large"));
        assert_clean(
            CODE,
            r#"{"serviceName": "web", "taskDefinition": "web:1", "launchType": "EC2",
                "placementConstraints": [{"type": "distinctInstance"}]}"#,
        );
        assert_eq!(pinned_zone("attribute:ecs.availability-zone==us-east-1a").as_deref(), Some("us-east-1a"));
    }

    #[test]
    fn placeholders_are_opaque() {
        assert_clean(CODE, &service("attribute:ecs.availability-zone == ${AZ}"));
        assert_clean(CODE, &service("{{ constraint }}"));
    }
}
