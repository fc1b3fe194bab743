//! A service's `networkConfiguration` must match its task definition's network mode.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct ServiceNetworkConfigurationMismatch {
        code: "ECS-COR-048",
        name: "service-network-configuration-mismatch",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a service's networkConfiguration does not match its task definition's network mode",
    }
}

impl Rule for ServiceNetworkConfigurationMismatch {
    fn check_service(&self, service: &Service<'_>, task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        let Some(task) = task else { return };
        let Some(mode) = task.effective_network_mode() else { return };
        let configured = service.has("networkConfiguration");
        let family = task.describe();
        match (mode, configured) {
            ("awsvpc", false) => cx
                .report(self, "")
                .on_key()
                .message(format!(
                    "service runs {family}, whose network mode is awsvpc, without `networkConfiguration`; AWS \
                     rejects it: Network Configuration must be provided when networkMode 'awsvpc' is specified"
                ))
                .label("no networkConfiguration")
                .related_task("/networkMode", "network mode awsvpc set here")
                .help("add `networkConfiguration.awsvpcConfiguration` with the subnets (and security groups) of the tasks")
                .emit(),
            ("awsvpc", true) => {}
            (mode, true) => cx
                .report(self, "/networkConfiguration")
                .on_key()
                .message(format!(
                    "service sets `networkConfiguration` but {family} uses network mode {mode}; AWS rejects it: \
                     Network Configuration is not valid for the given networkMode of this task definition."
                ))
                .label(format!("not valid with network mode {mode}"))
                .related_task("/networkMode", format!("network mode {mode}"))
                .help("remove `networkConfiguration`, or switch the task definition to `awsvpc`")
                .emit(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, linked};

    const CODE: &str = "ECS-COR-048";

    #[test]
    fn a_service_alone_is_never_reported() {
        // The task definition is not in the run: cross-file checks stay silent.
        assert_clean(CODE, r#"{"serviceName": "web", "taskDefinition": "web:3", "desiredCount": 2}"#);
    }

    #[test]
    fn linked_pairs_are_checked_end_to_end() {
        let awsvpc = r#"{"family": "web", "networkMode": "awsvpc", "containerDefinitions": [{"name": "a", "image": "nginx", "memory": 128}]}"#;
        let found = linked(CODE, r#"{"serviceName": "web", "taskDefinition": "web:3", "desiredCount": 2}"#, awsvpc);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].file.ends_with("svc.json"));
        assert!(found[0].message.contains("Network Configuration must be provided"));
        assert!(found[0].related[0].file.ends_with("td.json"));
        assert_eq!(found[0].related[0].pointer, "/networkMode");

        let bridge = r#"{"family": "web", "networkMode": "bridge", "containerDefinitions": [{"name": "a", "image": "nginx", "memory": 128}]}"#;
        let service = r#"{"serviceName": "web", "taskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:9",
            "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]}}}"#;
        let found = linked(CODE, service, bridge);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("not valid for the given networkMode"));
    }
}
