//! `pidMode: host` lets the task's containers see and signal every process on the instance
//! (Security Hub ECS.3).

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct HostPidNamespace {
        code: "ECS-SEC-002",
        name: "host-pid-namespace",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "the task shares the host's process namespace",
    }
}

impl Rule for HostPidNamespace {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // Windows and Fargate do not support `host`: a correctness finding, not a risk.
        if task.str("pidMode") != Some("host") || task.is_windows() || task.is_fargate() {
            return;
        }
        cx.report(self, "/pidMode")
            .message(
                "the task shares the host's process namespace (`pidMode` is `host`): its containers can see the \
                 instance's processes; AWS warns: If the host PID mode is used, there's a heightened risk of \
                 undesired process namespace exposure.",
            )
            .label("host process namespace")
            .help(
                "remove `pidMode` (each container gets a private process namespace), or set it to \"task\" to share \
                 processes among this task's containers only",
            )
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-002";

    fn td(extra: &str) -> String {
        format!(
            r#"{{"family": "web", {extra} "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256}}]}}"#
        )
    }

    #[test]
    fn fires_on_host_pid_mode() {
        let messages = assert_fires(CODE, 1, &td(r#""pidMode": "host","#));
        assert!(messages[0].contains("`pidMode` is `host`"));
        assert!(messages[0].contains("heightened risk of undesired process namespace exposure."));
    }

    #[test]
    fn accepts_task_absent_and_placeholders() {
        assert_clean(CODE, &td(r#""pidMode": "task","#));
        assert_clean(CODE, &td(""));
        assert_clean(CODE, &td(r#""pidMode": null,"#));
        assert_clean(CODE, &td(r#""pidMode": "${PID_MODE}","#));
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx", "pidMode": "host"}]"#);
    }

    #[test]
    fn leaves_windows_to_the_correctness_rule() {
        assert_clean(
            CODE,
            &td(r#""pidMode": "host", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},"#),
        );
        assert_clean(CODE, &td(r#""pidMode": "host", "requiresCompatibilities": ["FARGATE"],"#));
    }
}
