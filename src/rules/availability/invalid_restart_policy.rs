//! A container restart policy must stay within the bounds the ContainerRestartPolicy API documents.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct InvalidRestartPolicy {
        code: "ECS-HA-003",
        name: "invalid-restart-policy",
        category: Availability,
        severity: Error,
        since: "0.1.0",
        summary: "a restart policy outside its documented bounds",
    }
}

/// `restartAttemptPeriod` bounds in seconds, and the most `ignoredExitCodes` entries. Source:
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerRestartPolicy.html, checked 2026-11-23.
const MIN_PERIOD: i64 = 60;
const MAX_PERIOD: i64 = 1800;
const MAX_IGNORED_EXIT_CODES: usize = 50;

impl Rule for InvalidRestartPolicy {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            let policy_pointer = container.at("restartPolicy");
            let Some(policy) = container.get("restartPolicy").filter(|p| p.is_object()) else {
                continue;
            };
            // A disabled policy is never applied; a placeholder might be either.
            let enabled = policy.get("enabled").and_then(Value::as_bool);
            if enabled != Some(true) {
                continue;
            }
            // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-restart-policy.html
            if task.is_fargate() && task.is_windows() {
                cx.report(self, join(&policy_pointer, "enabled"))
                    .message(format!(
                        "container {} enables a restart policy, but restart policies are not supported for Windows \
                         containers on Fargate",
                        container.display()
                    ))
                    .label("not supported for Windows on Fargate")
                    .related(task.fargate_pointer(), "Fargate")
                    .help("remove `restartPolicy`; the service scheduler replaces the task when an essential container exits")
                    .emit();
            }
            if let Some(period) = policy.get("restartAttemptPeriod").and_then(Value::as_i64)
                && !(MIN_PERIOD..=MAX_PERIOD).contains(&period)
            {
                cx.report(self, join(&policy_pointer, "restartAttemptPeriod"))
                    .message(format!(
                        "container {} sets `restartAttemptPeriod` to {period} seconds; it must be between \
                         {MIN_PERIOD} and {MAX_PERIOD} seconds",
                        container.display()
                    ))
                    .label(format!("outside {MIN_PERIOD}–{MAX_PERIOD}"))
                    .help(format!(
                        "use a value from {MIN_PERIOD} to {MAX_PERIOD}, or remove it for the default of 300 seconds"
                    ))
                    .emit();
            }
            if let Some(codes) = policy.get("ignoredExitCodes").and_then(Value::as_array)
                && codes.len() > MAX_IGNORED_EXIT_CODES
            {
                cx.report(self, join(&policy_pointer, "ignoredExitCodes"))
                    .on_key()
                    .message(format!(
                        "container {} lists {} `ignoredExitCodes`; at most {MAX_IGNORED_EXIT_CODES} are allowed",
                        container.display(),
                        codes.len()
                    ))
                    .label(format!("more than {MAX_IGNORED_EXIT_CODES} exit codes"))
                    .help(format!("keep at most {MAX_IGNORED_EXIT_CODES} exit codes"))
                    .emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-HA-003";

    fn td(task_fields: &str, policy: &str) -> String {
        format!(
            r#"{{"family": "web", {task_fields} "containerDefinitions": [
                {{"name": "app", "image": "nginx:1.27", "memory": 256, "restartPolicy": {policy}}}]}}"#
        )
    }

    fn codes(n: usize) -> String {
        let list: Vec<String> = (0..n).map(|i| i.to_string()).collect();
        format!("[{}]", list.join(", "))
    }

    #[test]
    fn fires_outside_the_period_bounds() {
        let messages = assert_fires(CODE, 1, &td("", r#"{"enabled": true, "restartAttemptPeriod": 30}"#));
        assert!(
            messages[0]
                .contains("container `app` sets `restartAttemptPeriod` to 30 seconds; it must be between 60 and 1800")
        );
        assert_fires(CODE, 1, &td("", r#"{"enabled": true, "restartAttemptPeriod": 1801}"#));
        assert_fires(CODE, 1, &td("", r#"{"enabled": true, "restartAttemptPeriod": -5}"#));
        assert_fires(
            CODE,
            1,
            r#"[{"name": "a", "image": "x:1", "restartPolicy": {"enabled": true, "restartAttemptPeriod": 10}}]"#,
        );
    }

    #[test]
    fn fires_on_too_many_exit_codes() {
        let messages =
            assert_fires(CODE, 1, &td("", &format!(r#"{{"enabled": true, "ignoredExitCodes": {}}}"#, codes(51))));
        assert!(messages[0].contains("lists 51 `ignoredExitCodes`; at most 50"));
        assert_clean(CODE, &td("", &format!(r#"{{"enabled": true, "ignoredExitCodes": {}}}"#, codes(50))));
    }

    #[test]
    fn accepts_the_bounds_and_defaults() {
        assert_clean(CODE, &td("", r#"{"enabled": true}"#));
        assert_clean(CODE, &td("", r#"{"enabled": true, "restartAttemptPeriod": 60, "ignoredExitCodes": [0]}"#));
        assert_clean(CODE, &td("", r#"{"enabled": true, "restartAttemptPeriod": 1800}"#));
    }

    #[test]
    fn ignores_disabled_and_unknown_policies() {
        assert_clean(CODE, &td("", r#"{"enabled": false, "restartAttemptPeriod": 5}"#));
        assert_clean(CODE, &td("", r#"{"enabled": "${ON}", "restartAttemptPeriod": 5}"#));
        assert_clean(CODE, &td("", r#"{"enabled": true, "restartAttemptPeriod": "${PERIOD}"}"#));
        assert_clean(CODE, &td("", r#""${POLICY}""#));
    }

    #[test]
    fn windows_on_fargate_has_no_restart_policies() {
        let task = r#""requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "1024", "memory": "2048",
                      "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},"#;
        let messages = assert_fires(CODE, 1, &td(task, r#"{"enabled": true}"#));
        assert!(messages[0].contains("not supported for Windows containers on Fargate"));
        assert_clean(CODE, &td(task, r#"{"enabled": false}"#));
        let windows_ec2 = r#""runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},"#;
        assert_clean(CODE, &td(windows_ec2, r#"{"enabled": true}"#));
    }
}
