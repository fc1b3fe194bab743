//! Features that ECS runs on the task's behalf (logs, ECR pulls, secrets) need `executionRoleArn`.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Container, Shape, TaskDefinition, join};
use crate::rule::Rule;
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

declare_rule! {
    pub struct MissingExecutionRole {
        code: "ECS-COR-022",
        name: "missing-execution-role",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a feature that needs executionRoleArn without one",
    }
}

/// A private Amazon ECR image: `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/...` or the
/// dual-stack `<account>.dkr-ecr.<region>.on.aws/...`. ECR Public (`public.ecr.aws`) needs no role.
static PRIVATE_ECR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[0-9]{12}\.(?:dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?|dkr-ecr\.[a-z0-9-]+\.on\.aws)/")
        .expect("valid regex")
});

const HELP: &str = "set `executionRoleArn` to a role ECS can assume (ecs-tasks.amazonaws.com) with the \
                    AmazonECSTaskExecutionRolePolicy managed policy";
const HELP_SECRETS: &str = "set `executionRoleArn` to a role ECS can assume (ecs-tasks.amazonaws.com) that may \
                            read the referenced secrets (ssm:GetParameters or secretsmanager:GetSecretValue, \
                            plus kms:Decrypt for a customer managed key)";

/// A non-empty array field.
fn non_empty(value: Option<&Value>) -> bool {
    value.and_then(Value::as_array).is_some_and(|items| !items.is_empty())
}

struct Cause {
    pointer: String,
    on_key: bool,
    what: String,
    aws: &'static str,
    label: &'static str,
    help: &'static str,
    fargate: bool,
}

fn causes(task: &TaskDefinition<'_>, container: &Container<'_>) -> Vec<Cause> {
    let name = container.label();
    let log_configuration = container.at("logConfiguration");
    let mut out = Vec::new();
    if task.is_fargate() {
        if container.log_driver() == Some("awslogs") {
            out.push(Cause {
                pointer: join(&log_configuration, "logDriver"),
                on_key: false,
                what: format!("container `{name}` sends logs with awslogs on Fargate"),
                aws: "; AWS rejects it: Fargate requires task definition to have execution role ARN to \
                      support log driver awslogs.",
                label: "awslogs on Fargate needs an execution role",
                help: HELP,
                fargate: true,
            });
        }
        if let Some(image) = container.image().filter(|i| PRIVATE_ECR.is_match(i)) {
            out.push(Cause {
                pointer: container.at("image"),
                on_key: false,
                what: format!("container `{name}` pulls the private Amazon ECR image `{image}` on Fargate"),
                aws: "; AWS rejects it: Fargate requires task definition to have execution role ARN to \
                      support ECR images.",
                label: "a private ECR image on Fargate needs an execution role",
                help: HELP,
                fargate: true,
            });
        }
    }
    if non_empty(container.get("secrets")) {
        out.push(Cause {
            pointer: container.at("secrets"),
            on_key: true,
            what: format!("container `{name}` has `secrets`"),
            aws: "; AWS rejects it: When you are specifying container secrets, you must also specify a \
                  value for 'executionRoleArn'.",
            label: "secrets are fetched with the execution role",
            help: HELP_SECRETS,
            fargate: false,
        });
    }
    if container.has("repositoryCredentials") {
        out.push(Cause {
            pointer: container.at("repositoryCredentials"),
            on_key: true,
            what: format!("container `{name}` uses `repositoryCredentials`"),
            aws: "; AWS rejects it: Private repository authentication requires that the task definition \
                  specify a value for executionRoleArn.",
            label: "registry credentials are read with the execution role",
            help: HELP_SECRETS,
            fargate: false,
        });
    }
    let secret_options = container.get("logConfiguration").and_then(|l| l.get("secretOptions"));
    if non_empty(secret_options) {
        out.push(Cause {
            pointer: join(&log_configuration, "secretOptions"),
            on_key: true,
            what: format!("container `{name}` passes log `secretOptions`"),
            aws: "; ECS reads secrets referenced by a task definition with the task execution role, \
                  so the task cannot start",
            label: "log secrets are fetched with the execution role",
            help: HELP_SECRETS,
            fargate: false,
        });
    }
    out
}

impl Rule for MissingExecutionRole {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // The role lives at task level, which a bare container array does not have.
        if task.shape() == Shape::ContainerArray || task.has("executionRoleArn") {
            return;
        }
        for container in task.containers() {
            for cause in causes(task, &container) {
                let mut builder = cx
                    .report(self, cause.pointer)
                    .message(format!("{} but the task has no `executionRoleArn`{}", cause.what, cause.aws))
                    .label(cause.label)
                    .help(cause.help);
                if cause.on_key {
                    builder = builder.on_key();
                }
                if cause.fargate {
                    builder = builder.related("/requiresCompatibilities", "Fargate declared here");
                }
                builder.emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PRIVATE_ECR;
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-022";
    const FARGATE: &str =
        r#""requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512","#;
    const ECR: &str = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0";

    fn td(task_fields: &str, container_fields: &str) -> String {
        format!(
            r#"{{"family": "web", {task_fields} "containerDefinitions": [
                {{"name": "app", "memory": 256, {container_fields}}}]}}"#
        )
    }

    const AWSLOGS: &str = r#""image": "nginx", "logConfiguration": {"logDriver": "awslogs",
        "options": {"awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1"}}"#;

    #[test]
    fn fargate_awslogs_needs_the_role() {
        let messages = assert_fires(CODE, 1, &td(FARGATE, AWSLOGS));
        assert!(
            messages[0]
                .contains("Fargate requires task definition to have execution role ARN to support log driver awslogs.")
        );
        assert_clean(CODE, &td("", AWSLOGS));
    }

    #[test]
    fn fargate_private_ecr_needs_the_role() {
        let image = format!(r#""image": "{ECR}""#);
        let messages = assert_fires(CODE, 1, &td(FARGATE, &image));
        assert!(messages[0].contains("support ECR images."));
        assert!(messages[0].contains(ECR));
        assert_clean(CODE, &td("", &image));
        assert_clean(CODE, &td(FARGATE, r#""image": "public.ecr.aws/nginx/nginx:1.27""#));
        assert_clean(CODE, &td(FARGATE, r#""image": "${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/app:1""#));
    }

    #[test]
    fn recognises_private_ecr_hosts() {
        for image in [
            ECR,
            "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app",
            "123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/app@sha256:abc",
            "123456789012.dkr-ecr.us-east-1.on.aws/app:1",
        ] {
            assert!(PRIVATE_ECR.is_match(image), "{image}");
        }
        for image in [
            "public.ecr.aws/nginx/nginx",
            "nginx:1.27",
            "1234.dkr.ecr.us-east-1.amazonaws.com/app",
            "docker.io/123456789012.dkr.ecr.us-east-1.amazonaws.com/app",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.example/app",
        ] {
            assert!(!PRIVATE_ECR.is_match(image), "{image}");
        }
    }

    #[test]
    fn secrets_need_the_role_on_any_launch_type() {
        let secrets = r#""image": "nginx", "secrets": [{"name": "DB_PASSWORD",
            "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/db"}]"#;
        let messages = assert_fires(CODE, 1, &td("", secrets));
        assert!(messages[0].contains(
            "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'."
        ));
        assert_clean(CODE, &td("", r#""image": "nginx", "secrets": []"#));
    }

    #[test]
    fn repository_credentials_need_the_role() {
        let creds = r#""image": "ghcr.io/acme/app:1", "repositoryCredentials": {
            "credentialsParameter": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ghcr-AbCdEf"}"#;
        let messages = assert_fires(CODE, 1, &td("", creds));
        assert!(messages[0].contains(
            "Private repository authentication requires that the task definition specify a value for executionRoleArn."
        ));
    }

    #[test]
    fn log_secret_options_need_the_role() {
        let splunk = r#""image": "nginx", "logConfiguration": {"logDriver": "splunk",
            "options": {"splunk-url": "https://splunk.example.com:8088"},
            "secretOptions": [{"name": "splunk-token", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/t"}]}"#;
        assert_fires(CODE, 1, &td("", splunk));
    }

    #[test]
    fn one_finding_per_cause() {
        let all = format!(
            r#""image": "{ECR}", "secrets": [{{"name": "A", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/a"}}],
            "logConfiguration": {{"logDriver": "awslogs", "options": {{"awslogs-group": "g", "awslogs-region": "eu-west-1"}}}}"#
        );
        assert_fires(CODE, 3, &td(FARGATE, &all));
    }

    #[test]
    fn a_role_even_a_placeholder_is_enough() {
        let image = format!(r#""image": "{ECR}""#);
        let role = r#""executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole","#;
        assert_clean(CODE, &td(&format!("{FARGATE} {role}"), &image));
        let opaque = r#""executionRoleArn": "${EXECUTION_ROLE_ARN}","#;
        assert_clean(CODE, &td(&format!("{FARGATE} {opaque}"), &image));
        let null = r#""executionRoleArn": null,"#;
        assert_fires(CODE, 1, &td(&format!("{FARGATE} {null}"), &image));
    }

    #[test]
    fn silent_for_bare_container_arrays() {
        assert_clean(
            CODE,
            r#"[{"name": "a", "image": "nginx", "secrets": [{"name": "A", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/a"}]}]"#,
        );
    }
}
