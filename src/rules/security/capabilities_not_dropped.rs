//! Docker's default capability set is broader than most applications need; dropping ALL is the hardened baseline.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::model::known::{is_opaque, is_present};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct CapabilitiesNotDropped {
        code: "ECS-SEC-017",
        name: "capabilities-not-dropped",
        category: Security,
        severity: Info,
        since: "0.1.0",
        summary: "a Linux container keeps Docker's default capabilities instead of dropping ALL",
    }
}

impl Rule for CapabilitiesNotDropped {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if task.is_windows() || looks_like_windows(task) {
            return;
        }
        for container in task.containers() {
            // Privileged containers get every capability whatever `drop` says (ECS-SEC-001 reports them).
            if !container.value().is_object() || container.bool("privileged") == Some(true) {
                continue;
            }
            let linux = container.get("linuxParameters");
            let capabilities = linux.and_then(|l| l.get("capabilities"));
            let drop = capabilities.and_then(|c| c.get("drop"));
            // Anything we cannot read (a placeholder, a wrong type) might already drop ALL.
            if [linux, capabilities, drop].into_iter().flatten().any(is_opaque) {
                continue;
            }
            let (pointer, on_key) = match drop {
                Some(Value::Array(items)) => {
                    if items.iter().any(|v| v.as_str().is_none_or(|s| s.eq_ignore_ascii_case("ALL") || is_opaque(v))) {
                        continue;
                    }
                    (container.at("linuxParameters/capabilities/drop"), false)
                }
                Some(v) if is_present(Some(v)) => continue,
                _ if is_present(capabilities) => (container.at("linuxParameters/capabilities"), true),
                _ if is_present(linux) => (container.at("linuxParameters"), true),
                _ => (container.pointer(), true),
            };
            let mut finding = cx
                .report(self, pointer)
                .message(format!(
                    "container {} keeps Docker's default Linux capabilities: `linuxParameters.capabilities.drop` \
                     does not include `ALL`",
                    container.display()
                ))
                .label("default capabilities kept")
                .help(
                    "set `\"linuxParameters\": {\"capabilities\": {\"drop\": [\"ALL\"]}}` and add back only what the \
                     application needs (Fargate accepts only `SYS_PTRACE` in `add`)",
                );
            if on_key {
                finding = finding.on_key();
            }
            finding.emit();
        }
    }
}

/// Windows task definitions on EC2 often omit `runtimePlatform`; their containers still give them
/// away: a Windows image, a PowerShell or `cmd` command, or a drive-letter path. Used only to stay
/// silent, never to report.
pub(super) fn looks_like_windows(task: &TaskDefinition<'_>) -> bool {
    let drive_path = |s: &str| matches!(s.as_bytes(), [drive, b':', b'/' | b'\\', ..] if drive.is_ascii_alphabetic());
    task.containers().iter().any(|c| {
        let image = c.image().unwrap_or_default().to_ascii_lowercase();
        let windows_image = ["windows", "servercore", "nanoserver"].iter().any(|w| image.contains(w));
        let shell = ["entryPoint", "command"].iter().any(|field| {
            c.array(field).first().and_then(Value::as_str).is_some_and(|program| {
                let program = program.rsplit(['/', '\\']).next().unwrap_or_default().to_ascii_lowercase();
                matches!(program.as_str(), "powershell" | "powershell.exe" | "cmd" | "cmd.exe")
            })
        });
        let paths = c.str("workingDirectory").is_some_and(drive_path)
            || c.array("mountPoints")
                .iter()
                .any(|m| m.get("containerPath").and_then(Value::as_str).is_some_and(drive_path));
        windows_image || shell || paths
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-017";

    fn td(task_fields: &str, container_fields: &str) -> String {
        format!(
            r#"{{"family": "web", {task_fields} "containerDefinitions": [
                {{"name": "app", "image": "nginx:1.27", "memory": 256 {container_fields}}}]}}"#
        )
    }

    #[test]
    fn fires_when_all_is_not_dropped() {
        let messages = assert_fires(CODE, 1, &td("", ""));
        assert!(messages[0].starts_with("container `app` keeps Docker's default Linux capabilities"));
        assert_fires(CODE, 1, &td("", r#", "linuxParameters": {"initProcessEnabled": true}"#));
        assert_fires(CODE, 1, &td("", r#", "linuxParameters": {"capabilities": {"add": ["SYS_PTRACE"]}}"#));
        assert_fires(CODE, 1, &td("", r#", "linuxParameters": {"capabilities": {"drop": ["NET_RAW"]}}"#));
        assert_fires(CODE, 1, &td("", r#", "linuxParameters": {"capabilities": {"drop": []}}"#));
        assert_fires(CODE, 1, r#"[{"name": "a", "image": "x:1"}]"#);
    }

    #[test]
    fn dropping_all_is_enough() {
        assert_clean(CODE, &td("", r#", "linuxParameters": {"capabilities": {"drop": ["ALL"]}}"#));
        assert_clean(CODE, &td("", r#", "linuxParameters": {"capabilities": {"drop": ["all"], "add": ["CHOWN"]}}"#));
    }

    #[test]
    fn skips_windows_privileged_and_unknown_values() {
        let windows = r#""runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2019_FULL"},"#;
        assert_clean(CODE, &td(windows, ""));
        // Windows on EC2 without runtimePlatform, recognised by its containers.
        assert_clean(CODE, r#"[{"name": "a", "image": "mcr.microsoft.com/windows/servercore/iis:1"}]"#);
        assert_clean(CODE, r#"[{"name": "a", "image": "app:1", "command": ["powershell", "-c", "x"]}]"#);
        assert_clean(CODE, r#"[{"name": "a", "image": "app:1", "workingDirectory": "C:/app"}]"#);
        assert_clean(
            CODE,
            r#"[{"name": "a", "image": "app:1", "mountPoints": [{"sourceVolume": "v", "containerPath": "C:\\data"}]}]"#,
        );
        assert_fires(
            CODE,
            1,
            r#"[{"name": "a", "image": "app:1", "command": ["/bin/sh", "-c", "cmd"], "workingDirectory": "/app"}]"#,
        );
        assert_clean(CODE, &td("", r#", "privileged": true"#));
        assert_clean(CODE, &td("", r#", "linuxParameters": {"capabilities": {"drop": ["${DROP}"]}}"#));
        assert_clean(CODE, &td("", r#", "linuxParameters": {"capabilities": "${CAPS}"}"#));
        assert_clean(CODE, &td("", r#", "linuxParameters": {"capabilities": {"drop": "ALL"}}"#));
    }
}
