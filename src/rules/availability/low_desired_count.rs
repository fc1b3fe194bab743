//! A replica service with one task has no redundancy: one task failure, deployment or
//! Availability Zone outage takes it down.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct LowDesiredCount {
        code: "ECS-HA-006",
        name: "low-desired-count",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "a replica service with fewer tasks than the configured minimum",
    }
}

impl Rule for LowDesiredCount {
    fn check_service(&self, service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        if service.scheduling_strategy() != Some("REPLICA") {
            return;
        }
        let minimum = i64::from(cx.settings.options.minimum_desired_count);
        // Zero tasks is ECS-HA-007.
        let Some(count) = service.int("desiredCount").filter(|c| (1..minimum).contains(c)) else { return };
        let message = if count == 1 {
            format!(
                "service runs a single task, fewer than the minimum of {minimum}; it sits in one Availability Zone, \
                 so a task failure or a zone outage leaves the service without capacity"
            )
        } else {
            format!(
                "service runs {count} tasks, fewer than the minimum of {minimum}; losing one task or one \
                 Availability Zone leaves too little capacity"
            )
        };
        cx.report(self, "/desiredCount")
            .message(message)
            .label(format!("below the minimum of {minimum}"))
            .help(format!(
                "set `desiredCount` to {minimum} or more (with subnets in several Availability Zones), or lower \
                 the `minimum-desired-count` option for services that may run alone"
            ))
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-HA-006";

    fn service(extra: &str) -> String {
        format!(r#"{{"serviceName": "web", "taskDefinition": "web:1"{extra}}}"#)
    }

    #[test]
    fn a_single_task_fires() {
        let messages = assert_fires(CODE, 1, &service(r#", "desiredCount": 1"#));
        assert!(messages[0].contains("service runs a single task, fewer than the minimum of 2"), "{messages:?}");
        // REPLICA is the default; an explicit one too.
        assert_fires(CODE, 1, &service(r#", "desiredCount": 1, "schedulingStrategy": "REPLICA""#));
    }

    #[test]
    fn enough_tasks_zero_and_daemons_are_clean() {
        assert_clean(CODE, &service(r#", "desiredCount": 2"#));
        assert_clean(CODE, &service(r#", "desiredCount": 0"#));
        assert_clean(CODE, &service(r#", "desiredCount": 1, "schedulingStrategy": "DAEMON""#));
        assert_clean(CODE, &service(""));
    }

    #[test]
    fn placeholders_are_opaque() {
        assert_clean(CODE, &service(r#", "desiredCount": "${COUNT}""#));
        assert_clean(CODE, &service(r#", "desiredCount": 1, "schedulingStrategy": "${STRATEGY}""#));
    }

    #[test]
    fn the_minimum_is_an_option() {
        let json = service(r#", "desiredCount": 2"#);
        let mut settings = crate::Settings::default();
        settings.options.minimum_desired_count = 3;
        let report = crate::lint_source("svc.json", json.clone().into_bytes(), &settings);
        let found: Vec<_> = report.diagnostics.iter().filter(|d| d.rule.code == CODE).collect();
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("service runs 2 tasks, fewer than the minimum of 3"));
        settings.options.minimum_desired_count = 1;
        let report = crate::lint_source("svc.json", service(r#", "desiredCount": 1"#).into_bytes(), &settings);
        assert!(report.diagnostics.iter().all(|d| d.rule.code != CODE));
    }
}
