//! Windows containers lack Linux-only features (privileged mode, Linux parameters, PID/IPC
//! namespaces, links, ulimits, sysctls, EFS); the documented list is `data::launch_types`.

use crate::context::LintContext;
use crate::data::launch_types::{Condition, Level, WINDOWS_UNSUPPORTED, WindowsUnsupported, is_meaningful};
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct WindowsUnsupportedParameter {
        code: "ECS-COR-025",
        name: "windows-unsupported-parameter",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a parameter Windows containers do not support",
    }
}

/// How the message shows the value: "`privileged: true`", "`pidMode: \"host\"`", "`ulimits`".
fn describe(field: &str, value: &Value) -> String {
    match value {
        Value::Bool(b) => format!("`{field}: {b}`"),
        Value::String(s) => format!("`{field}: \"{s}\"`"),
        _ => format!("`{field}`"),
    }
}

fn used(entry: &WindowsUnsupported, value: &Value) -> bool {
    match entry.condition {
        Condition::True => value.as_bool() == Some(true),
        _ => is_meaningful(value),
    }
}

fn help(field: &str) -> String {
    match field {
        "readonlyRootFilesystem" => "remove `readonlyRootFilesystem`; on Windows, limit what the container can \
                                     write with its user and NTFS permissions instead"
            .to_string(),
        "efsVolumeConfiguration" => "use an Amazon FSx for Windows File Server volume \
                                     (`fsxWindowsFileServerVolumeConfiguration`) for shared storage on Windows"
            .to_string(),
        _ => format!("remove `{field}`, or run the container on Linux"),
    }
}

impl Rule for WindowsUnsupportedParameter {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // A bare container array has no runtimePlatform, so it is never known to be Windows.
        if !task.is_windows() {
            return;
        }
        let os = task.os_family().unwrap_or("Windows");
        let os_pointer = "/runtimePlatform/operatingSystemFamily";
        // links-require-bridge (ECS-COR-026) reports links whenever the network mode is known.
        let links_reported_elsewhere = task.effective_network_mode().is_some_and(|mode| mode != "bridge");
        let containers = task.containers();
        let volumes = task.get("volumes").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);

        for entry in WINDOWS_UNSUPPORTED {
            let field = entry.field;
            // (owner description, pointer to the field, the value)
            let mut found: Vec<(String, String, &Value)> = Vec::new();
            match entry.level {
                Level::Task => {
                    if let Some(value) = task.get(field).filter(|v| used(entry, v)) {
                        found.push(("the task definition".to_string(), format!("/{field}"), value));
                    }
                }
                Level::Container => {
                    if field == "links" && links_reported_elsewhere {
                        continue;
                    }
                    for container in &containers {
                        if let Some(value) = container.get(field).filter(|v| used(entry, v)) {
                            found.push((format!("container {}", container.display()), container.at(field), value));
                        }
                    }
                }
                Level::Volume => {
                    for (i, volume) in volumes.iter().enumerate() {
                        if let Some(value) = volume.get(field).filter(|v| used(entry, v)) {
                            let who = match known_str(volume.get("name")).filter(|n| !n.trim().is_empty()) {
                                Some(name) => format!("volume `{name}`"),
                                None => format!("volume #{i}"),
                            };
                            found.push((who, join(&join("/volumes", i), field), value));
                        }
                    }
                }
            }
            for (who, pointer, value) in found {
                cx.report(self, pointer)
                    .message(format!("{who} sets {}, which Windows containers do not support", describe(field, value)))
                    .label("not supported on Windows")
                    .related(os_pointer, format!("{os} set here"))
                    .help(help(field))
                    .emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-025";

    fn td(os: &str, task: &str, container: &str) -> String {
        format!(
            r#"{{"family": "web", "requiresCompatibilities": ["EC2"],
               "runtimePlatform": {{"operatingSystemFamily": "{os}"}}, {task}
               "containerDefinitions": [{{"name": "app", "image": "mcr.microsoft.com/windows/servercore/iis",
                                          "memory": 1024 {container}}}]}}"#
        )
    }

    const WIN: &str = "WINDOWS_SERVER_2022_CORE";

    #[test]
    fn fires_on_linux_only_parameters() {
        let messages = assert_fires(CODE, 1, &td(WIN, "", r#", "privileged": true"#));
        assert_eq!(messages[0], "container `app` sets `privileged: true`, which Windows containers do not support");
        assert_fires(CODE, 1, &td(WIN, "", r#", "readonlyRootFilesystem": true"#));
        assert_fires(CODE, 1, &td(WIN, "", r#", "linuxParameters": {"initProcessEnabled": true}"#));
        assert_fires(
            CODE,
            1,
            &td(WIN, "", r#", "ulimits": [{"name": "nofile", "softLimit": 1024, "hardLimit": 2048}]"#),
        );
        assert_fires(
            CODE,
            1,
            &td(WIN, "", r#", "systemControls": [{"namespace": "net.core.somaxconn", "value": "1024"}]"#),
        );
        assert_fires(CODE, 1, &td(WIN, "", r#", "links": ["db"]"#));
        let messages = assert_fires(CODE, 1, &td(WIN, r#""pidMode": "task","#, ""));
        assert!(messages[0].starts_with("the task definition sets `pidMode: \"task\"`"));
        assert_fires(CODE, 1, &td(WIN, r#""ipcMode": "host","#, ""));
        let efs = r#""volumes": [{"name": "shared", "efsVolumeConfiguration": {"fileSystemId": "fs-12345678"}}],"#;
        let messages = assert_fires(CODE, 1, &td(WIN, efs, ""));
        assert!(messages[0].starts_with("volume `shared` sets `efsVolumeConfiguration`"));
    }

    #[test]
    fn defaults_and_empty_values_are_fine() {
        let quiet = r#", "privileged": false, "readonlyRootFilesystem": false, "links": [], "ulimits": [],
                       "linuxParameters": {}, "dnsServers": [""]"#;
        assert_clean(CODE, &td(WIN, r#""pidMode": "","#, quiet));
    }

    #[test]
    fn user_is_left_to_the_security_rule() {
        assert_clean(CODE, &td(WIN, "", r#", "user": "ContainerUser""#));
    }

    #[test]
    fn linux_unknown_and_bare_arrays_are_not_checked() {
        assert_clean(CODE, &td("LINUX", r#""pidMode": "task","#, r#", "privileged": true"#));
        assert_clean(CODE, &td("${OS}", "", r#", "privileged": true"#));
        assert_clean(CODE, &td(WIN, r#""pidMode": "${PID}","#, r#", "ulimits": "${ULIMITS}""#));
        assert_clean(CODE, r#"[{"name": "app", "image": "iis", "privileged": true}]"#);
    }

    #[test]
    fn links_under_awsvpc_are_left_to_links_require_bridge() {
        assert_clean(CODE, &td(WIN, r#""networkMode": "awsvpc","#, r#", "links": ["db"]"#));
    }
}
