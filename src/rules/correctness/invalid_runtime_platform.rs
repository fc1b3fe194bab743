//! ARM64 exists only for Linux tasks, and Windows containers on EC2 have no bridge, host or none
//! network mode: such a runtimePlatform cannot run anywhere.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::model::known::known_str;
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct InvalidRuntimePlatform {
        code: "ECS-COR-044",
        name: "invalid-runtime-platform",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a runtimePlatform combination AWS does not support",
    }
}

const OS_POINTER: &str = "/runtimePlatform/operatingSystemFamily";

/// Every `requiresCompatibilities` entry is known and is `EC2` (or there are none): the task runs
/// on EC2 instances, where the Windows network-mode table applies.
fn ec2_only(task: &TaskDefinition<'_>) -> bool {
    match task.get("requiresCompatibilities") {
        None | Some(Value::Null) => true,
        Some(Value::Array(items)) => items.iter().all(|v| known_str(Some(v)) == Some("EC2")),
        Some(_) => false,
    }
}

impl Rule for InvalidRuntimePlatform {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // A bare container array has no runtimePlatform, so it is never known to be Windows.
        if !task.is_windows() {
            return;
        }
        let os = task.os_family().unwrap_or("Windows");
        let architecture = known_str(task.get("runtimePlatform").and_then(|p| p.get("cpuArchitecture")));
        if architecture == Some("ARM64") {
            let fargate = if task.is_fargate() { "; Windows containers on Fargate run only on X86_64" } else { "" };
            cx.report(self, "/runtimePlatform/cpuArchitecture")
                .message(format!(
                    "`cpuArchitecture: \"ARM64\"` with the Windows operating system family `{os}`; ARM64 is \
                     available only for Linux tasks{fargate}"
                ))
                .label("ARM64 is Linux only")
                .related(OS_POINTER, format!("{os} set here"))
                .help("set `cpuArchitecture` to \"X86_64\" (the default), or run an ARM64 Linux image with `LINUX`")
                .emit();
        }

        // On Fargate the network mode is fargate-requires-awsvpc (ECS-COR-002); ECS Anywhere and
        // Managed Instances have their own (undocumented here) rules for Windows.
        if !ec2_only(task) {
            return;
        }
        let Some(mode) = task.network_mode().filter(|m| matches!(*m, "bridge" | "host" | "none")) else {
            return;
        };
        cx.report(self, "/networkMode")
            .message(format!(
                "network mode `{mode}` with the Windows operating system family `{os}`; Windows containers on \
                 EC2 support only the default network mode (no `networkMode`) or `awsvpc`"
            ))
            .label("not available for Windows containers")
            .related(OS_POINTER, format!("{os} set here"))
            .help("remove `networkMode` to use the Windows default (nat) network, or set it to \"awsvpc\"")
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-044";

    fn td(compat: &str, platform: &str, network: &str) -> String {
        format!(
            r#"{{"family": "web", "requiresCompatibilities": {compat}, "runtimePlatform": {platform}, {network}
               "cpu": "1024", "memory": "2048",
               "containerDefinitions": [{{"name": "app", "image": "mcr.microsoft.com/windows/servercore/iis"}}]}}"#
        )
    }

    const WIN_ARM: &str = r#"{"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE", "cpuArchitecture": "ARM64"}"#;
    const WIN: &str = r#"{"operatingSystemFamily": "WINDOWS_SERVER_2019_FULL"}"#;

    #[test]
    fn arm64_windows_fires() {
        let messages = assert_fires(CODE, 1, &td(r#"["EC2"]"#, WIN_ARM, ""));
        assert_eq!(
            messages[0],
            "`cpuArchitecture: \"ARM64\"` with the Windows operating system family `WINDOWS_SERVER_2022_CORE`; \
             ARM64 is available only for Linux tasks"
        );
        let messages = assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, WIN_ARM, r#""networkMode": "awsvpc","#));
        assert!(messages[0].ends_with("Windows containers on Fargate run only on X86_64"));
    }

    #[test]
    fn windows_on_ec2_network_modes() {
        let messages = assert_fires(CODE, 1, &td(r#"["EC2"]"#, WIN, r#""networkMode": "bridge","#));
        assert!(messages[0].starts_with("network mode `bridge` with the Windows operating system family"));
        assert_fires(CODE, 1, &td("null", WIN, r#""networkMode": "host","#));
        assert_clean(CODE, &td(r#"["EC2"]"#, WIN, r#""networkMode": "awsvpc","#));
        assert_clean(CODE, &td(r#"["EC2"]"#, WIN, ""));
    }

    #[test]
    fn leaves_other_capacities_to_their_rules() {
        // Fargate network modes are fargate-requires-awsvpc (ECS-COR-002).
        assert_clean(CODE, &td(r#"["FARGATE"]"#, WIN, r#""networkMode": "bridge","#));
        assert_clean(CODE, &td(r#"["EXTERNAL"]"#, WIN, r#""networkMode": "bridge","#));
        assert_clean(CODE, &td(r#"["${COMPAT}"]"#, WIN, r#""networkMode": "bridge","#));
    }

    #[test]
    fn defaults_linux_and_placeholders_are_fine() {
        let linux_arm = r#"{"operatingSystemFamily": "LINUX", "cpuArchitecture": "ARM64"}"#;
        assert_clean(CODE, &td(r#"["FARGATE"]"#, linux_arm, r#""networkMode": "awsvpc","#));
        assert_clean(CODE, &td(r#"["EC2"]"#, r#"{"cpuArchitecture": "ARM64"}"#, r#""networkMode": "bridge","#));
        let opaque = r#"{"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE", "cpuArchitecture": "${ARCH}"}"#;
        assert_clean(CODE, &td(r#"["EC2"]"#, opaque, r#""networkMode": "${MODE}","#));
        assert_clean(CODE, &td(r#"["EC2"]"#, "null", ""));
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx"}]"#);
    }
}
