//! `ipcMode: host` shares the instance's shared memory, semaphores and message queues with the
//! task's containers.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct HostIpcNamespace {
        code: "ECS-SEC-003",
        name: "host-ipc-namespace",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "the task shares the host's IPC namespace",
    }
}

impl Rule for HostIpcNamespace {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // Windows and Fargate do not support `ipcMode`: a correctness finding, not a risk.
        if task.str("ipcMode") != Some("host") || task.is_windows() || task.is_fargate() {
            return;
        }
        cx.report(self, "/ipcMode")
            .message(
                "the task shares the host's IPC namespace (`ipcMode` is `host`): its containers can read and write \
                 the instance's shared memory and message queues; AWS warns: If the host IPC mode is used, be aware \
                 that there is a heightened risk of undesired IPC namespace expose.",
            )
            .label("host IPC namespace")
            .help(
                "set `ipcMode` to \"task\" to share IPC resources among this task's containers only, or to \"none\" \
                 to keep each container's IPC private",
            )
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-003";

    fn td(extra: &str) -> String {
        format!(
            r#"{{"family": "web", {extra} "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256}}]}}"#
        )
    }

    #[test]
    fn fires_on_host_ipc_mode() {
        let messages = assert_fires(CODE, 1, &td(r#""ipcMode": "host","#));
        assert!(messages[0].contains("`ipcMode` is `host`"));
        assert!(messages[0].contains("heightened risk of undesired IPC namespace expose."));
    }

    #[test]
    fn accepts_task_none_absent_and_placeholders() {
        assert_clean(CODE, &td(r#""ipcMode": "task","#));
        assert_clean(CODE, &td(r#""ipcMode": "none","#));
        assert_clean(CODE, &td(""));
        assert_clean(CODE, &td(r#""ipcMode": "{{ ipc_mode }}","#));
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx", "ipcMode": "host"}]"#);
    }

    #[test]
    fn leaves_windows_to_the_correctness_rule() {
        assert_clean(
            CODE,
            &td(r#""ipcMode": "host", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_FULL"},"#),
        );
        assert_clean(CODE, &td(r#""ipcMode": "host", "requiresCompatibilities": ["FARGATE"],"#));
    }
}
