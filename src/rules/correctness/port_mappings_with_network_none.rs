//! A task with network mode `none` has no network to publish ports on; AWS forbids port mappings.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct PortMappingsWithNetworkNone {
        code: "ECS-COR-005",
        name: "port-mappings-with-network-none",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "port mappings in a task definition whose networkMode is none",
    }
}

impl Rule for PortMappingsWithNetworkNone {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if task.network_mode() != Some("none") {
            return;
        }
        for container in task.containers() {
            let count = container.array("portMappings").len();
            if count == 0 {
                continue;
            }
            let noun = if count == 1 { "mapping" } else { "mappings" };
            cx.report(self, container.at("portMappings"))
                .message(format!(
                    "container {} has {count} port {noun} but the task's network mode is `none`; \
                     AWS does not allow port mappings when the network mode is none",
                    container.display()
                ))
                .label("no network to map ports on")
                .related("/networkMode", "network mode none set here")
                .help(
                    "remove `portMappings`, or use a network mode with networking \
                     (\"awsvpc\", \"bridge\" or \"host\")",
                )
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-005";

    fn td(network: &str, mappings: &str) -> String {
        format!(
            r#"{{"family": "batch", {network}
               "containerDefinitions": [
                 {{"name": "job", "image": "busybox:1.36", "memory": 128, "portMappings": {mappings}}},
                 {{"name": "helper", "image": "busybox:1.36", "memory": 128}}]}}"#
        )
    }

    #[test]
    fn fires_once_per_container_with_mappings() {
        let messages = assert_fires(
            CODE,
            1,
            &td(r#""networkMode": "none","#, r#"[{"containerPort": 80}, {"containerPort": 443}]"#),
        );
        assert!(messages[0].contains("container `job` has 2 port mappings"));
        assert!(messages[0].contains("network mode is `none`"));
    }

    #[test]
    fn accepts_no_mappings_or_other_modes() {
        assert_clean(CODE, &td(r#""networkMode": "none","#, "[]"));
        assert_clean(CODE, &td(r#""networkMode": "none","#, "null"));
        assert_clean(CODE, &td(r#""networkMode": "none","#, r#"{"containerPort": 80}"#));
        let mapping = r#"[{"containerPort": 80}]"#;
        assert_clean(CODE, &td(r#""networkMode": "bridge","#, mapping));
        assert_clean(CODE, &td(r#""networkMode": "awsvpc","#, mapping));
        // Omitted means bridge, never none.
        assert_clean(CODE, &td("", mapping));
        assert_clean(CODE, &td(r#""networkMode": "${MODE}","#, mapping));
        assert_clean(CODE, &td(r#""networkMode": "None","#, mapping));
    }

    #[test]
    fn ignores_bare_container_arrays() {
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx", "portMappings": [{"containerPort": 80}]}]"#);
    }
}
