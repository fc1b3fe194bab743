//! Some Linux capabilities hand a container powers over the host kernel, its devices or other containers.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct DangerousCapabilityAdded {
        code: "ECS-SEC-016",
        name: "dangerous-capability-added",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a container adds a Linux capability that weakens isolation",
    }
}

/// Capabilities that reach past the container whatever the task's namespaces: what each allows.
/// Sources: capabilities(7) (https://man7.org/linux/man-pages/man7/capabilities.7.html) and Docker's
/// runtime privilege docs (https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities),
/// checked 2026-11-23. None is in Docker's default set, so adding one is always a deliberate grant.
const DANGEROUS: &[(&str, &str)] = &[
    ("ALL", "grants every capability, which is close to a privileged container"),
    ("SYS_ADMIN", "allows mounting file systems and many other administrative operations used in container escapes"),
    ("SYS_MODULE", "allows loading code into the host's kernel as modules"),
    ("SYS_RAWIO", "allows raw I/O to the host's devices and memory"),
    (
        "DAC_READ_SEARCH",
        "bypasses file read permissions and allows opening host files by handle (the \"shocker\" escape)",
    ),
    ("SYS_TIME", "allows setting the system clock, which is shared with the host and every other container"),
    ("MAC_ADMIN", "allows changing the AppArmor or SELinux policy that confines containers"),
];

impl Rule for DangerousCapabilityAdded {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // Windows has no Linux capabilities; Fargate rejects any added capability but SYS_PTRACE
        // (a correctness rule reports it).
        if task.is_windows() || task.is_fargate() {
            return;
        }
        let host_network = task.effective_network_mode() == Some("host");
        let host_pid = task.str("pidMode") == Some("host");
        for container in task.containers() {
            // Privileged containers ignore `add` (ECS-SEC-001 reports them).
            if container.bool("privileged") == Some(true) {
                continue;
            }
            let add = container.at("linuxParameters/capabilities/add");
            let Some(items) = container
                .get("linuxParameters")
                .and_then(|l| l.get("capabilities"))
                .and_then(|c| c.get("add"))
                .and_then(Value::as_array)
            else {
                continue;
            };
            for (i, item) in items.iter().enumerate() {
                let Some(written) = crate::model::known::known_str(Some(item)) else {
                    continue;
                };
                let normalized = written.to_ascii_uppercase();
                let capability = normalized.strip_prefix("CAP_").unwrap_or(&normalized);
                let reason = match DANGEROUS.iter().find(|(name, _)| *name == capability) {
                    Some((_, reason)) => (*reason).to_string(),
                    None if capability == "NET_ADMIN" && host_network => {
                        "allows reconfiguring the host's network interfaces, routes and firewall, because the task \
                         uses the `host` network mode"
                            .to_string()
                    }
                    None if capability == "SYS_PTRACE" && host_pid => {
                        "allows reading and modifying the memory of every process on the host, because the task \
                         uses `pidMode: host`"
                            .to_string()
                    }
                    None => continue,
                };
                let mut finding = cx
                    .report(self, join(&add, i))
                    .message(format!(
                        "container {} adds the `{written}` capability, which {reason}",
                        container.display()
                    ))
                    .label("weakens isolation")
                    .help(format!(
                        "remove `{written}` from `linuxParameters.capabilities.add`; if the workload really needs it, \
                         run it on dedicated instances"
                    ));
                if capability == "NET_ADMIN" && task.has("networkMode") {
                    finding = finding.related("/networkMode", "host network mode");
                } else if capability == "SYS_PTRACE" {
                    finding = finding.related("/pidMode", "host PID namespace");
                }
                finding.emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-016";

    fn td(task_fields: &str, container_fields: &str) -> String {
        format!(
            r#"{{"family": "web", {task_fields} "containerDefinitions": [
                {{"name": "app", "image": "nginx:1.27", "memory": 256 {container_fields}}}]}}"#
        )
    }

    fn add(caps: &str) -> String {
        format!(r#", "linuxParameters": {{"capabilities": {{"add": {caps}}}}}"#)
    }

    #[test]
    fn fires_on_each_dangerous_capability() {
        let messages = assert_fires(CODE, 2, &td("", &add(r#"["SYS_ADMIN", "NET_BIND_SERVICE", "ALL"]"#)));
        assert!(messages[0].starts_with("container `app` adds the `SYS_ADMIN` capability, which allows mounting"));
        assert!(messages[1].contains("`ALL`"));
        assert_fires(CODE, 1, &td("", &add(r#"["cap_sys_module"]"#)));
        assert_fires(
            CODE,
            1,
            r#"[{"name": "a", "image": "x:1", "linuxParameters": {"capabilities": {"add": ["DAC_READ_SEARCH"]}}}]"#,
        );
    }

    #[test]
    fn net_admin_and_sys_ptrace_only_with_host_namespaces() {
        assert_clean(CODE, &td("", &add(r#"["NET_ADMIN", "SYS_PTRACE", "NET_RAW"]"#)));
        assert_clean(
            CODE,
            &td(r#""networkMode": "awsvpc", "pidMode": "task","#, &add(r#"["NET_ADMIN", "SYS_PTRACE"]"#)),
        );
        let messages = assert_fires(CODE, 1, &td(r#""networkMode": "host","#, &add(r#"["NET_ADMIN"]"#)));
        assert!(messages[0].contains("`host` network mode"));
        assert_fires(CODE, 1, &td(r#""pidMode": "host","#, &add(r#"["SYS_PTRACE"]"#)));
        // Bare container arrays have no task level: the conditional capabilities stay silent.
        assert_clean(
            CODE,
            r#"[{"name": "a", "image": "x:1", "linuxParameters": {"capabilities": {"add": ["NET_ADMIN"]}}}]"#,
        );
    }

    #[test]
    fn skips_fargate_windows_privileged_and_placeholders() {
        let fargate =
            r#""requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512","#;
        assert_clean(CODE, &td(fargate, &add(r#"["SYS_ADMIN"]"#)));
        let windows = r#""runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},"#;
        assert_clean(CODE, &td(windows, &add(r#"["SYS_ADMIN"]"#)));
        assert_clean(CODE, &td("", &format!(r#", "privileged": true{}"#, add(r#"["SYS_ADMIN"]"#))));
        assert_clean(CODE, &td("", &add(r#"["${CAP}", 7, null]"#)));
        assert_clean(CODE, &td("", &add(r#""SYS_ADMIN""#)));
        assert_clean(CODE, &td("", r#", "linuxParameters": {"capabilities": {"drop": ["ALL"]}}"#));
    }
}
