//! A Fargate service can only run a task definition that AWS validated for Fargate; otherwise
//! CreateService and UpdateService fail.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{is_opaque, is_present};
use crate::model::{Service, TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct FargateServiceIncompatibleTaskDefinition {
        code: "ECS-COR-051",
        name: "fargate-service-incompatible-task-definition",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a Fargate service whose task definition is not Fargate-compatible",
    }
}

/// Log drivers Fargate supports. Source:
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html, checked 2026-11-23.
const FARGATE_LOG_DRIVERS: [&str; 3] = ["awslogs", "splunk", "awsfirelens"];

impl Rule for FargateServiceIncompatibleTaskDefinition {
    fn check_service(&self, service: &Service<'_>, task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        let Some(task) = task else { return };
        if !service.is_fargate() {
            return;
        }
        // Declared for Fargate: AWS validated it then, and the task-level rules check the rest.
        let Some(declared) = declared_compatibilities(task) else { return };
        if declared.contains(&"FARGATE") {
            return;
        }
        let (service_at, service_label) = if service.launch_type() == Some("FARGATE") {
            ("/launchType", "the service runs on Fargate")
        } else {
            ("/capacityProviderStrategy", "the service runs on Fargate capacity providers")
        };
        let family = task.describe();
        let declared_text = if task.has("requiresCompatibilities") {
            format!("declares only {}", declared.join(", "))
        } else {
            "has no `requiresCompatibilities`".to_string()
        };
        let missing = fargate_requirements_missing(task);
        if !missing.is_empty() {
            cx.report(self, "/requiresCompatibilities")
                .in_task_definition()
                .on_key()
                .message(format!(
                    "a Fargate service runs {family}, which {declared_text} and cannot run on Fargate ({}); AWS \
                     rejects the service: Task definition does not support launch_type FARGATE.",
                    missing.join(", ")
                ))
                .label("not compatible with FARGATE")
                .related_service(service_at, service_label)
                .help(
                    "add \"FARGATE\" to `requiresCompatibilities` with `networkMode` \"awsvpc\" and task-level `cpu` \
                     and `memory`, or run the service on EC2",
                )
                .emit();
        }
        for container in task.containers() {
            let Some(driver) = container.log_driver() else { continue };
            if FARGATE_LOG_DRIVERS.contains(&driver) {
                continue;
            }
            cx.report(self, join(&container.at("logConfiguration"), "logDriver"))
                .in_task_definition()
                .message(format!(
                    "container {} logs with the `{driver}` driver, but a Fargate service runs {family} and \
                     Fargate supports only the awslogs, splunk and awsfirelens log drivers",
                    container.display()
                ))
                .label("not a Fargate log driver")
                .related_service(service_at, service_label)
                .help("use the `awslogs` driver, or `awsfirelens` to route logs through Fluent Bit or Fluentd")
                .emit();
        }
    }
}

/// The launch types declared in `requiresCompatibilities`, or `None` when one cannot be known.
fn declared_compatibilities<'a>(task: &TaskDefinition<'a>) -> Option<Vec<&'a str>> {
    match task.get("requiresCompatibilities") {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(Value::Array(items)) => items.iter().map(|v| v.as_str().filter(|_| !is_opaque(v))).collect(),
        Some(_) => None,
    }
}

/// What Fargate needs that the task definition lacks: awsvpc networking and task-level size.
/// Empty when it could pass Fargate validation (AWS then computes FARGATE compatibility itself).
fn fargate_requirements_missing(task: &TaskDefinition<'_>) -> Vec<String> {
    let mut missing = Vec::new();
    if !task.has("networkMode") {
        missing.push("no `networkMode` awsvpc".to_string());
    } else if let Some(mode) = task.network_mode().filter(|m| *m != "awsvpc") {
        missing.push(format!("network mode {mode}"));
    }
    for field in ["cpu", "memory"] {
        if !is_present(task.get(field)) {
            missing.push(format!("no task-level `{field}`"));
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostic;
    use crate::rules::tester::assert_clean;

    const CODE: &str = "ECS-COR-051";

    fn linked(service: &str, task: &str) -> Vec<Diagnostic> {
        crate::rules::tester::linked(CODE, service, task)
    }

    const FARGATE: &str = r#"{"serviceName": "web", "taskDefinition": "web:3", "desiredCount": 2, "launchType": "FARGATE",
        "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1", "subnet-2"]}}}"#;

    fn task(fields: &str) -> String {
        format!(
            r#"{{"family": "web", {fields} "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256}}]}}"#
        )
    }

    #[test]
    fn ec2_only_task_definition_is_reported_in_the_task_definition() {
        let found = linked(FARGATE, &task(r#""requiresCompatibilities": ["EC2"], "networkMode": "bridge","#));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].file.ends_with("td.json"));
        assert_eq!(found[0].pointer, "/requiresCompatibilities");
        assert!(found[0].message.contains("Task definition does not support launch_type FARGATE."));
        assert!(found[0].message.contains("network mode bridge, no task-level `cpu`, no task-level `memory`"));
        assert!(found[0].related[0].file.ends_with("svc.json"));
        assert_eq!(found[0].related[0].pointer, "/launchType");
    }

    #[test]
    fn dropped_compatibilities_are_reported() {
        // A deploy script re-registered the revision without requiresCompatibilities, cpu or memory.
        let found = linked(FARGATE, &task(r#""networkMode": "awsvpc","#));
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("has no `requiresCompatibilities`"));
        let spot = r#"{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
            "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}],
            "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]}}}"#;
        let found = linked(spot, &task(""));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].related[0].pointer, "/capacityProviderStrategy");
    }

    #[test]
    fn unsupported_log_driver_is_reported() {
        let td = r#"{"family": "web", "networkMode": "awsvpc", "cpu": "256", "memory": "512",
            "containerDefinitions": [{"name": "app", "image": "nginx:1.27",
            "logConfiguration": {"logDriver": "fluentd"}}]}"#;
        let found = linked(FARGATE, td);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].pointer, "/containerDefinitions/0/logConfiguration/logDriver");
        assert!(found[0].message.contains("`fluentd`"));
    }

    #[test]
    fn fargate_ready_task_definitions_are_clean() {
        assert!(linked(FARGATE, &task(r#""requiresCompatibilities": ["FARGATE"],"#)).is_empty());
        // AWS computes FARGATE compatibility for a definition that passes Fargate validation.
        assert!(linked(FARGATE, &task(r#""networkMode": "awsvpc", "cpu": "256", "memory": "512","#)).is_empty());
        // An EC2 service may run anything.
        let ec2 = FARGATE.replace("FARGATE", "EC2");
        assert!(linked(&ec2, &task(r#""requiresCompatibilities": ["EC2"],"#)).is_empty());
    }

    #[test]
    fn placeholders_are_opaque() {
        assert!(linked(FARGATE, &task(r#""requiresCompatibilities": ["${COMPAT}"],"#)).is_empty());
        assert!(linked(FARGATE, &task(r#""requiresCompatibilities": "${COMPAT}","#)).is_empty());
        let found = linked(FARGATE, &task(r#""networkMode": "${MODE}", "cpu": "${CPU}", "memory": "512","#));
        assert!(found.is_empty(), "{found:#?}");
        assert!(linked(&FARGATE.replace(r#""FARGATE""#, r#""${LAUNCH}""#), &task("")).is_empty());
    }

    #[test]
    fn unresolved_task_definition_is_silent() {
        assert_clean(CODE, FARGATE);
    }
}
