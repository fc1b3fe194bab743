//! FireLens needs both halves: a log router (`firelensConfiguration`) and a container logging to it.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Container, TaskDefinition, join};
use crate::rule::Rule;

declare_rule! {
    pub struct FirelensConfigurationMismatch {
        code: "ECS-COR-021",
        name: "firelens-configuration-mismatch",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "the awsfirelens log driver and a firelensConfiguration container without each other",
    }
}

fn log_driver_pointer(container: &Container<'_>) -> String {
    join(&container.at("logConfiguration"), "logDriver")
}

/// The log driver is written but unknown (a placeholder or a wrong type).
fn unknown_log_driver(container: &Container<'_>) -> bool {
    let written = container.get("logConfiguration").and_then(|l| l.get("logDriver")).is_some_and(|d| !d.is_null());
    written && container.log_driver().is_none()
}

impl Rule for FirelensConfigurationMismatch {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let containers = task.containers();
        let senders: Vec<&Container<'_>> =
            containers.iter().filter(|c| c.log_driver() == Some("awsfirelens")).collect();
        let routers: Vec<&Container<'_>> = containers.iter().filter(|c| c.has("firelensConfiguration")).collect();

        if let (Some(first), true) = (senders.first(), routers.is_empty()) {
            let mut builder = cx
                .report(self, log_driver_pointer(first))
                .message(format!(
                    "container `{}` logs to `awsfirelens` but no container has a `firelensConfiguration`; \
                     AWS rejects it: When awsfirelens log driver is specified in log configuration, a \
                     firelens configuration object must be configured in one of the containers.",
                    first.label()
                ))
                .label("no FireLens log router in this task");
            for other in senders.iter().skip(1) {
                builder =
                    builder.related(log_driver_pointer(other), format!("`{}` also logs to awsfirelens", other.label()));
            }
            builder
                .help(
                    "add a log router container (e.g. the AWS for Fluent Bit image) with \
                     \"firelensConfiguration\": {\"type\": \"fluentbit\"}",
                )
                .emit();
        }

        // Without a known log driver everywhere, some container may still log to awsfirelens.
        if !senders.is_empty() || containers.iter().any(unknown_log_driver) {
            return;
        }
        for router in routers {
            cx.report(self, router.at("firelensConfiguration"))
                .message(format!(
                    "container `{}` has a `firelensConfiguration` but no container uses the awsfirelens log \
                     driver; AWS rejects it: When a firelensConfiguration object is specified, at least one \
                     container has to be configured with the awsfirelens log driver.",
                    router.label()
                ))
                .label("a log router that nothing logs to")
                .help(
                    "set \"logConfiguration\": {\"logDriver\": \"awsfirelens\", ...} on the containers whose \
                     logs it should route, or remove `firelensConfiguration`",
                )
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-021";

    const ROUTER: &str = r#"{"name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
        "essential": true, "memoryReservation": 50, "firelensConfiguration": {"type": "fluentbit"}}"#;
    const SENDER: &str = r#"{"name": "app", "image": "nginx:1.27", "memory": 256,
        "logConfiguration": {"logDriver": "awsfirelens", "options": {"Name": "cloudwatch"}}}"#;
    const PLAIN: &str = r#"{"name": "app", "image": "nginx:1.27", "memory": 256}"#;

    fn td(containers: &[&str]) -> String {
        format!(r#"{{"family": "web", "containerDefinitions": [{}]}}"#, containers.join(", "))
    }

    #[test]
    fn fires_on_awsfirelens_without_a_router() {
        let messages = assert_fires(CODE, 1, &td(&[SENDER]));
        assert!(messages[0].contains("container `app` logs to `awsfirelens`"));
        assert!(messages[0].contains(
            "When awsfirelens log driver is specified in log configuration, a firelens configuration object must be configured in one of the containers."
        ));
        let second = SENDER.replace(r#""app""#, r#""worker""#);
        assert_fires(CODE, 1, &td(&[SENDER, &second]));
    }

    #[test]
    fn fires_on_a_router_nothing_logs_to() {
        let messages = assert_fires(CODE, 1, &td(&[ROUTER, PLAIN]));
        assert!(messages[0].contains(
            "When a firelensConfiguration object is specified, at least one container has to be configured with the awsfirelens log driver."
        ));
    }

    #[test]
    fn both_halves_are_fine() {
        assert_clean(CODE, &td(&[ROUTER, SENDER]));
        assert_clean(CODE, &td(&[PLAIN]));
    }

    #[test]
    fn placeholders_stay_silent() {
        let opaque_driver = r#"{"name": "app", "image": "nginx", "memory": 256,
            "logConfiguration": {"logDriver": "${LOG_DRIVER}"}}"#;
        assert_clean(CODE, &td(&[ROUTER, opaque_driver]));
        let opaque_router = r#"{"name": "r", "image": "fluent-bit", "memory": 64,
            "firelensConfiguration": "${FIRELENS}"}"#;
        assert_clean(CODE, &td(&[opaque_router, SENDER]));
    }

    #[test]
    fn works_on_bare_container_arrays() {
        assert_fires(CODE, 1, &format!("[{SENDER}]"));
        assert_clean(CODE, &format!("[{ROUTER}, {SENDER}]"));
    }
}
