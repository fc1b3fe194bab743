//! `networkMode: host` removes the network isolation between the task and the instance
//! (Security Hub ECS.17).

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct HostNetworkMode {
        code: "ECS-SEC-004",
        name: "host-network-mode",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "the task uses the host's network namespace",
    }
}

impl Rule for HostNetworkMode {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // Host networking is not available on Windows or Fargate: other rules report those.
        if task.network_mode() != Some("host") || task.is_windows() || task.is_fargate() {
            return;
        }
        cx.report(self, "/networkMode")
            .message(
                "the task uses host network mode: its containers share the instance's network stack, can bind any \
                 port on it and reach everything the instance can, with no per-task security group",
            )
            .label("host network mode")
            .help(
                "use \"awsvpc\" (each task gets its own network interface and security groups) or \"bridge\"; keep \
                 `host` only for agents that must see the instance's network",
            )
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-004";

    fn td(extra: &str) -> String {
        format!(
            r#"{{"family": "web", {extra} "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256, "user": "1000"}}]}}"#
        )
    }

    #[test]
    fn fires_on_host_network_mode() {
        let messages = assert_fires(CODE, 1, &td(r#""networkMode": "host","#));
        assert!(messages[0].starts_with("the task uses host network mode"));
    }

    #[test]
    fn accepts_other_modes_defaults_and_placeholders() {
        for mode in ["awsvpc", "bridge", "none", "${NETWORK_MODE}"] {
            assert_clean(CODE, &td(&format!(r#""networkMode": "{mode}","#)));
        }
        // Omitted means bridge on EC2.
        assert_clean(CODE, &td(""));
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx"}]"#);
    }

    #[test]
    fn leaves_fargate_and_windows_to_correctness_rules() {
        assert_clean(CODE, &td(r#""networkMode": "host", "requiresCompatibilities": ["FARGATE"],"#));
        assert_clean(
            CODE,
            &td(r#""networkMode": "host", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},"#),
        );
    }
}
