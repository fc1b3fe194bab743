//! A writable root filesystem lets an intruder change the container's binaries and configuration
//! (Security Hub ECS.5).

use super::container_runs_as_root::{Os, os_of};
use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct WritableRootFilesystem {
        code: "ECS-SEC-006",
        name: "writable-root-filesystem",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a container's root filesystem is writable",
    }
}

const HELP: &str = "set \"readonlyRootFilesystem\": true and mount a volume (or `linuxParameters.tmpfs` on EC2) for \
                    the paths the application writes to, such as /tmp";

impl Rule for WritableRootFilesystem {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            // Windows containers do not support a read-only root filesystem.
            if os_of(task, &container) != Os::Linux {
                continue;
            }
            match container.get("readonlyRootFilesystem") {
                None | Some(Value::Null) => cx
                    .report(self, container.pointer())
                    .on_key()
                    .message(format!(
                        "container {} does not set `readonlyRootFilesystem`, so its root filesystem is writable \
                         (the default is false)",
                        container.display()
                    ))
                    .label("no `readonlyRootFilesystem`")
                    .help(HELP)
                    .emit(),
                Some(Value::Bool(false)) => cx
                    .report(self, container.at("readonlyRootFilesystem"))
                    .message(format!(
                        "container {} sets `readonlyRootFilesystem` to false, so its root filesystem is writable",
                        container.display()
                    ))
                    .label("writable root filesystem")
                    .help(HELP)
                    .emit(),
                // true, a placeholder, or a wrong type (the schema reports it).
                Some(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-006";

    fn td(extra: &str, container: &str) -> String {
        format!(
            r#"{{"family": "web", {extra} "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256 {container}}}]}}"#
        )
    }

    #[test]
    fn fires_when_absent_or_false() {
        let messages = assert_fires(CODE, 1, &td("", ""));
        assert!(messages[0].starts_with("container `app` does not set `readonlyRootFilesystem`"));
        let messages = assert_fires(CODE, 1, &td("", r#", "readonlyRootFilesystem": false"#));
        assert!(messages[0].contains("sets `readonlyRootFilesystem` to false"));
        assert_fires(CODE, 1, &td("", r#", "readonlyRootFilesystem": null"#));
    }

    #[test]
    fn accepts_true_and_unknown_values() {
        assert_clean(CODE, &td("", r#", "readonlyRootFilesystem": true"#));
        assert_clean(CODE, &td("", r#", "readonlyRootFilesystem": "${READ_ONLY}""#));
        assert_clean(CODE, &td("", r#", "readonlyRootFilesystem": "true""#));
    }

    #[test]
    fn skips_windows() {
        let windows = r#""runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},"#;
        assert_clean(CODE, &td(windows, ""));
    }

    #[test]
    fn checks_bare_container_arrays() {
        assert_fires(
            CODE,
            1,
            r#"[{"name": "a", "image": "nginx", "readonlyRootFilesystem": true}, {"name": "b", "image": "redis"}]"#,
        );
    }
}
