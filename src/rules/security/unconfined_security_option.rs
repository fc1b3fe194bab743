//! `apparmor:unconfined` and `label:disable` switch off the Linux security module that confines the container.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct UnconfinedSecurityOption {
        code: "ECS-SEC-018",
        name: "unconfined-security-option",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a docker security option that disables AppArmor or SELinux confinement",
    }
}

/// The options that remove confinement, in both separators Docker accepts (`:` is the form ECS
/// documents, `=` the current Docker form). Source:
/// https://docs.docker.com/engine/containers/run/#security-configuration, checked 2026-11-23.
fn disabled_module(option: &str) -> Option<&'static str> {
    let (key, value) = option.split_once(['=', ':'])?;
    match (key, value) {
        ("apparmor", "unconfined") => Some("AppArmor"),
        ("label", "disable") => Some("SELinux labeling"),
        _ => None,
    }
}

impl Rule for UnconfinedSecurityOption {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // Fargate rejects `dockerSecurityOptions` (a correctness rule reports it); on Windows the
        // field only carries credential specs.
        if task.is_fargate() || task.is_windows() {
            return;
        }
        for container in task.containers() {
            let Some(options) = container.get("dockerSecurityOptions").and_then(Value::as_array) else {
                continue;
            };
            for (i, option) in options.iter().enumerate() {
                let Some(text) = known_str(Some(option)) else {
                    continue;
                };
                let Some(module) = disabled_module(text) else {
                    continue;
                };
                cx.report(self, join(&container.at("dockerSecurityOptions"), i))
                    .message(format!(
                        "container {} sets `{text}`, which turns off {module} confinement on container instances \
                         that enforce it",
                        container.display()
                    ))
                    .label(format!("{module} disabled"))
                    .help(format!(
                        "remove `{text}`; if the default profile blocks something the application needs, write a \
                         custom profile that allows only that"
                    ))
                    .emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::disabled_module;
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-018";

    fn td(task_fields: &str, options: &str) -> String {
        format!(
            r#"{{"family": "web", {task_fields} "containerDefinitions": [
                {{"name": "app", "image": "nginx:1.27", "memory": 256, "dockerSecurityOptions": {options}}}]}}"#
        )
    }

    #[test]
    fn recognises_both_separators() {
        assert_eq!(disabled_module("apparmor:unconfined"), Some("AppArmor"));
        assert_eq!(disabled_module("apparmor=unconfined"), Some("AppArmor"));
        assert_eq!(disabled_module("label=disable"), Some("SELinux labeling"));
        assert_eq!(disabled_module("apparmor:docker-default"), None);
        assert_eq!(disabled_module("label:type:container_t"), None);
        assert_eq!(disabled_module("no-new-privileges"), None);
    }

    #[test]
    fn fires_on_each_unconfined_option() {
        let messages =
            assert_fires(CODE, 2, &td("", r#"["no-new-privileges", "apparmor:unconfined", "label:disable"]"#));
        assert!(messages[0].starts_with("container `app` sets `apparmor:unconfined`, which turns off AppArmor"));
        assert!(messages[1].contains("SELinux labeling"));
        assert_fires(CODE, 1, r#"[{"name": "a", "image": "x:1", "dockerSecurityOptions": ["apparmor=unconfined"]}]"#);
    }

    #[test]
    fn ignores_confined_options_seccomp_and_unknowns() {
        assert_clean(CODE, &td("", r#"["no-new-privileges", "apparmor:my-profile", "label:level:s0:c100,c200"]"#));
        // ECS does not pass seccomp options to the container (see the rule page).
        assert_clean(CODE, &td("", r#"["seccomp:unconfined", "seccomp=unconfined"]"#));
        assert_clean(CODE, &td("", r#"["${OPT}", 1, null]"#));
        assert_clean(CODE, &td("", r#""apparmor:unconfined""#));
    }

    #[test]
    fn skips_fargate_and_windows() {
        let fargate =
            r#""requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512","#;
        assert_clean(CODE, &td(fargate, r#"["apparmor:unconfined"]"#));
        let windows = r#""runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},"#;
        assert_clean(CODE, &td(windows, r#"["label:disable"]"#));
    }
}
