//! awslogs in `blocking` mode makes stdout/stderr writes wait on CloudWatch Logs, which can hang the application.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::model::known::known_str;
use crate::rule::Rule;

declare_rule! {
    pub struct AwslogsBlockingMode {
        code: "ECS-HA-005",
        name: "awslogs-blocking-mode",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "awslogs explicitly in blocking mode, which can stall the application",
    }
}

impl Rule for AwslogsBlockingMode {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            if container.log_driver() != Some("awslogs") {
                continue;
            }
            let mode = container.get("logConfiguration").and_then(|l| l.get("options")).and_then(|o| o.get("mode"));
            // Only an explicit `blocking`: unset follows the account's `defaultLogDriverMode`.
            if known_str(mode) != Some("blocking") {
                continue;
            }
            cx.report(self, container.at("logConfiguration/options/mode"))
                .message(format!(
                    "container {} sends logs with awslogs in `blocking` mode; AWS warns: \"If you use the blocking \
                     mode and the flow of logs is interrupted, calls from container code to write to the stdout and \
                     stderr streams will block.\"",
                    container.display()
                ))
                .label("writes wait on CloudWatch Logs")
                .help(
                    "set `\"mode\": \"non-blocking\"` with a `max-buffer-size` such as \"25m\", or remove `mode` to \
                     follow the account default (non-blocking unless `defaultLogDriverMode` says otherwise); keep \
                     `blocking` only when losing a log line is worse than an outage",
                )
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-HA-005";

    fn td(options: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [
                {{"name": "app", "image": "nginx:1.27", "memory": 256,
                  "logConfiguration": {{"logDriver": "awslogs", "options": {options}}}}}]}}"#
        )
    }

    #[test]
    fn fires_on_explicit_blocking() {
        let messages = assert_fires(
            CODE,
            1,
            &td(r#"{"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "mode": "blocking"}"#),
        );
        assert!(messages[0].starts_with("container `app` sends logs with awslogs in `blocking` mode"));
        assert!(messages[0].contains("stderr streams will block."));
        assert_fires(
            CODE,
            1,
            r#"[{"name": "a", "image": "x:1", "logConfiguration": {"logDriver": "awslogs", "options": {"mode": "blocking"}}}]"#,
        );
    }

    #[test]
    fn unset_non_blocking_and_unknown_modes_are_fine() {
        assert_clean(CODE, &td(r#"{"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1"}"#));
        assert_clean(CODE, &td(r#"{"mode": "non-blocking", "max-buffer-size": "25m"}"#));
        assert_clean(CODE, &td(r#"{"max-buffer-size": "25m"}"#));
        assert_clean(CODE, &td(r#"{"mode": "${LOG_MODE}"}"#));
        assert_clean(CODE, &td("null"));
    }

    #[test]
    fn other_drivers_are_out_of_scope() {
        assert_clean(
            CODE,
            r#"[{"name": "a", "image": "x:1", "logConfiguration": {"logDriver": "splunk", "options": {"mode": "blocking"}}}]"#,
        );
    }
}
