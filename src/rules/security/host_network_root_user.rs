//! In host network mode a root container sits directly on the instance's network stack; AWS says
//! not to run containers as root there (Config rule ecs-task-definition-user-for-host-mode-check).

use super::container_runs_as_root::{Os, RootImageAllowlist, User, os_of, user_of};
use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct HostNetworkRootUser {
        code: "ECS-SEC-005",
        name: "host-network-root-user",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a container runs as root in host network mode",
    }
}

/// The AWS advice in the `user` parameter reference.
const AWS_ADVICE: &str = "When running tasks using the host network mode, don't run containers using the root user \
                          (UID 0). We recommend using a non-root user for better security.";

impl Rule for HostNetworkRootUser {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // Fargate does not offer host networking (ECS-COR-002 reports it).
        if task.network_mode() != Some("host") || task.is_fargate() {
            return;
        }
        let allowlist = RootImageAllowlist::new(cx);
        for container in task.containers() {
            // A privileged container passes the AWS control (and is ECS-SEC-001's finding).
            if os_of(task, &container) != Os::Linux
                || container.bool("privileged") == Some(true)
                || allowlist.allows(&container)
            {
                continue;
            }
            let (pointer, on_key, what) = match user_of(&container) {
                User::Unset if container.has("user") => {
                    (container.at("user"), false, "has an empty `user`".to_string())
                }
                User::Unset => (container.pointer(), true, "sets no `user`".to_string()),
                User::Root(user) => (container.at("user"), false, format!("runs as root (`user` is \"{user}\")")),
                User::Other => continue,
            };
            let mut builder = cx
                .report(self, pointer)
                .message(format!(
                    "container {} {what} in a task with host network mode; AWS advises: {AWS_ADVICE}",
                    container.display()
                ))
                .label("root on the host's network")
                .related("/networkMode", "host network mode set here")
                .help(
                    "set `user` to a non-root user or UID, e.g. \"1000:1000\", or move the task to `awsvpc` \
                     networking",
                );
            if on_key {
                builder = builder.on_key();
            }
            builder.emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-005";

    fn td(network: &str, container: &str) -> String {
        format!(
            r#"{{"family": "agent", {network} "containerDefinitions": [
                {{"name": "agent", "image": "example/agent:1.0", "memory": 256 {container}}}]}}"#
        )
    }

    #[test]
    fn fires_for_root_or_unset_user_in_host_mode() {
        let host = r#""networkMode": "host","#;
        let messages = assert_fires(CODE, 1, &td(host, ""));
        assert!(messages[0].starts_with("container `agent` sets no `user` in a task with host network mode"));
        assert!(messages[0].contains("don't run containers using the root user (UID 0)"));
        let messages = assert_fires(CODE, 1, &td(host, r#", "user": "0:0""#));
        assert!(messages[0].contains("runs as root (`user` is \"0:0\")"));
        assert_fires(CODE, 1, &td(host, r#", "user": "root", "privileged": false"#));
    }

    #[test]
    fn non_root_or_privileged_containers_pass_like_the_aws_rule() {
        let host = r#""networkMode": "host","#;
        assert_clean(CODE, &td(host, r#", "user": "1000""#));
        assert_clean(CODE, &td(host, r#", "privileged": true"#));
        assert_clean(CODE, &td(host, r#", "user": "${RUN_AS}""#));
    }

    #[test]
    fn other_network_modes_are_ignored() {
        assert_clean(CODE, &td(r#""networkMode": "awsvpc","#, r#", "user": "root""#));
        assert_clean(CODE, &td(r#""networkMode": "bridge","#, ""));
        // Omitted means bridge on EC2, never host.
        assert_clean(CODE, &td("", ""));
        assert_clean(CODE, &td(r#""networkMode": "${MODE}","#, ""));
        // Fargate has no host mode (ECS-COR-002); Windows neither.
        assert_clean(CODE, &td(r#""networkMode": "host", "requiresCompatibilities": ["FARGATE"],"#, ""));
        assert_clean(
            CODE,
            &td(
                r#""networkMode": "host", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},"#,
                "",
            ),
        );
        // A bare container array has no network mode.
        assert_clean(CODE, r#"[{"name": "a", "image": "nginx", "user": "root"}]"#);
    }
}
