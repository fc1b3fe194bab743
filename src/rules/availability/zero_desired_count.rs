//! A replica service with `desiredCount` 0 runs nothing; worth a note when it is not a deliberate
//! scale-to-zero.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, Shape, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct ZeroDesiredCount {
        code: "ECS-HA-007",
        name: "zero-desired-count",
        category: Availability,
        severity: Info,
        since: "0.1.0",
        summary: "a replica service with no tasks",
    }
}

impl Rule for ZeroDesiredCount {
    fn check_service(&self, service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        // `update-service --desired-count 0` is how a service is stopped on purpose.
        if service.shape() == Shape::UpdateService || service.scheduling_strategy() != Some("REPLICA") {
            return;
        }
        if service.int("desiredCount") != Some(0) {
            return;
        }
        cx.report(self, "/desiredCount")
            .message("service has `desiredCount` 0, so ECS runs none of its tasks")
            .label("no tasks run")
            .help(
                "set `desiredCount` to the number of tasks the service needs; keep 0 only if it is scaled to zero on \
                 purpose (a paused environment, or Application Auto Scaling sets the count)",
            )
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-HA-007";

    #[test]
    fn zero_tasks_fires() {
        let messages = assert_fires(CODE, 1, r#"{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 0}"#);
        assert!(messages[0].contains("`desiredCount` 0"));
        assert_fires(CODE, 1, r#"{"launchType": "FARGATE", "desiredCount": 0}"#);
    }

    #[test]
    fn running_services_daemons_and_updates_are_clean() {
        assert_clean(CODE, r#"{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 1}"#);
        assert_clean(CODE, r#"{"serviceName": "web", "taskDefinition": "web:1"}"#);
        assert_clean(
            CODE,
            r#"{"serviceName": "a", "taskDefinition": "a", "schedulingStrategy": "DAEMON", "desiredCount": 0}"#,
        );
        assert_clean(CODE, r#"{"service": "web", "desiredCount": 0}"#);
    }

    #[test]
    fn placeholders_are_opaque() {
        assert_clean(CODE, r#"{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": "${COUNT}"}"#);
    }
}
