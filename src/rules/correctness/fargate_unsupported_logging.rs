//! Fargate offers only the awslogs, splunk and awsfirelens log drivers, and FireLens there reads
//! its configuration from a file in the image, not from Amazon S3.

use crate::context::LintContext;
use crate::data::launch_types::{FARGATE_LOG_DRIVERS, LOG_DRIVERS};
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;

declare_rule! {
    pub struct FargateUnsupportedLogging {
        code: "ECS-COR-024",
        name: "fargate-unsupported-logging",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a log driver or FireLens setting Fargate does not support",
    }
}

/// The error AWS reports when a Fargate task's FireLens configuration file lives in S3.
const S3_CONFIG_TEXT: &str = "The specified platform does not satisfy the task definition’s required capabilities";

impl Rule for FargateUnsupportedLogging {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if !task.is_fargate() {
            return;
        }
        let fargate = task.fargate_pointer();
        for container in task.containers() {
            let log_configuration = container.at("logConfiguration");
            // A driver the API does not know at all (or a placeholder) is left to the schema.
            if let Some(driver) =
                container.log_driver().filter(|d| LOG_DRIVERS.contains(d) && !FARGATE_LOG_DRIVERS.contains(d))
            {
                cx.report(self, join(&log_configuration, "logDriver"))
                    .message(format!(
                        "container {} uses the `{driver}` log driver, which Fargate does not support; Fargate \
                         supports only {}",
                        container.display(),
                        FARGATE_LOG_DRIVERS.join(", ")
                    ))
                    .label("not a Fargate log driver")
                    .related(fargate.as_str(), "Fargate required here")
                    .help(format!(
                        "use awslogs, or send the logs to {driver}'s destination through awsfirelens and a \
                         FireLens log router (Fluent Bit or Fluentd)"
                    ))
                    .emit();
            }

            let options = container.get("firelensConfiguration").and_then(|f| f.get("options"));
            let file_type = known_str(options.and_then(|o| o.get("config-file-type")));
            if file_type == Some("s3") {
                let options_pointer = join(&container.at("firelensConfiguration"), "options");
                cx.report(self, join(&options_pointer, "config-file-type"))
                    .message(format!(
                        "container {} loads its FireLens configuration from Amazon S3, which Fargate does not \
                         support; tasks fail to start: {S3_CONFIG_TEXT}",
                        container.display()
                    ))
                    .label("Fargate supports only `file`")
                    .related(fargate.as_str(), "Fargate required here")
                    .help(
                        "copy the configuration file into the log router image and set `config-file-type` to \
                         \"file\" with `config-file-value` as its path in the image",
                    )
                    .emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-024";

    fn td(compat: &str, container: &str) -> String {
        format!(
            r#"{{"family": "web", "requiresCompatibilities": {compat}, "networkMode": "awsvpc",
               "cpu": "256", "memory": "512",
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", {container}}}]}}"#
        )
    }

    #[test]
    fn fires_on_drivers_fargate_lacks() {
        let messages = assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, r#""logConfiguration": {"logDriver": "gelf"}"#));
        assert_eq!(
            messages[0],
            "container `app` uses the `gelf` log driver, which Fargate does not support; Fargate supports only \
             awslogs, splunk, awsfirelens"
        );
        for driver in ["fluentd", "json-file", "syslog", "journald"] {
            let container = format!(r#""logConfiguration": {{"logDriver": "{driver}"}}"#);
            assert_fires(CODE, 1, &td(r#"["EC2", "FARGATE"]"#, &container));
        }
    }

    #[test]
    fn accepts_fargate_drivers() {
        for driver in ["awslogs", "splunk", "awsfirelens"] {
            let container = format!(r#""logConfiguration": {{"logDriver": "{driver}", "options": {{}}}}"#);
            assert_clean(CODE, &td(r#"["FARGATE"]"#, &container));
        }
    }

    #[test]
    fn fires_on_firelens_config_in_s3() {
        let router = r#""firelensConfiguration": {"type": "fluentbit",
            "options": {"config-file-type": "s3", "config-file-value": "arn:aws:s3:::bucket/fluent.conf"}}"#;
        let messages = assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, router));
        assert!(
            messages[0].contains("The specified platform does not satisfy the task definition’s required capabilities")
        );
        let file = r#""firelensConfiguration": {"type": "fluentbit",
            "options": {"config-file-type": "file", "config-file-value": "/fluent-bit/etc/extra.conf"}}"#;
        assert_clean(CODE, &td(r#"["FARGATE"]"#, file));
    }

    #[test]
    fn silent_off_fargate_on_placeholders_and_unknown_drivers() {
        assert_clean(CODE, &td(r#"["EC2"]"#, r#""logConfiguration": {"logDriver": "gelf"}"#));
        assert_clean(CODE, &td(r#"["FARGATE"]"#, r#""logConfiguration": {"logDriver": "${LOG_DRIVER}"}"#));
        assert_clean(CODE, &td(r#"["FARGATE"]"#, r#""logConfiguration": {"logDriver": "firelens"}"#));
        assert_clean(
            CODE,
            &td(r#"["FARGATE"]"#, r#""firelensConfiguration": {"options": {"config-file-type": "${T}"}}"#),
        );
        assert_clean(
            CODE,
            &td(r#"["FARGATE"]"#, r#""firelensConfiguration": {"options": ["s3"]}, "logConfiguration": 3"#),
        );
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx", "logConfiguration": {"logDriver": "gelf"}}]"#);
    }
}
