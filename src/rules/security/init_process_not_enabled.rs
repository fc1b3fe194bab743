//! Without an init process, the application runs as PID 1: signals may not reach it and zombies pile up.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{is_present, known_str};
use crate::model::{Container, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct InitProcessNotEnabled {
        code: "ECS-SEC-022",
        name: "init-process-not-enabled",
        category: Security,
        severity: Info,
        since: "0.1.0",
        summary: "an essential Linux container without an init process (initProcessEnabled)",
    }
}

/// Init programs an image can already start itself with (`entryPoint` or `command`), by file name.
const INIT_PROGRAMS: &[&str] = &["tini", "tini-static", "dumb-init", "catatonit", "s6-svscan", "init"];

impl Rule for InitProcessNotEnabled {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // `linuxParameters` is not supported for Windows containers.
        if task.is_windows() || super::capabilities_not_dropped::looks_like_windows(task) {
            return;
        }
        for container in task.containers() {
            if !container.value().is_object() || container.essential() != Some(true) || starts_an_init(&container) {
                continue;
            }
            let linux = container.get("linuxParameters");
            // Written in any form (`false` included, a deliberate choice): not ours to second-guess.
            if linux.and_then(|l| l.get("initProcessEnabled")).is_some_and(|v| is_present(Some(v)))
                || linux.is_some_and(|l| is_present(Some(l)) && !l.is_object())
            {
                continue;
            }
            let pointer = if is_present(linux) { container.at("linuxParameters") } else { container.pointer() };
            cx.report(self, pointer)
                .on_key()
                .message(format!(
                    "essential container {} runs without an init process: its main process is PID 1, which does \
                     not get default signal handling and must reap orphaned child processes itself",
                    container.display()
                ))
                .label("no `initProcessEnabled`")
                .help("set `\"linuxParameters\": {\"initProcessEnabled\": true}` so ECS runs a tiny init as PID 1")
                .emit();
        }
    }
}

/// The container already starts through an init program (`["/sbin/tini", "--", ...]`, `["dumb-init", ...]`).
fn starts_an_init(container: &Container<'_>) -> bool {
    ["entryPoint", "command"].into_iter().any(|field| {
        let first = container.get(field).and_then(Value::as_array).and_then(|a| a.first());
        match first {
            Some(v) if is_present(Some(v)) => match known_str(Some(v)) {
                Some(program) => {
                    let program = program.split_whitespace().next().unwrap_or_default();
                    let name = program.rsplit('/').next().unwrap_or_default();
                    INIT_PROGRAMS.contains(&name)
                }
                // A placeholder could be an init.
                None => v.is_string(),
            },
            _ => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-022";

    fn td(task_fields: &str, container_fields: &str) -> String {
        format!(
            r#"{{"family": "web", {task_fields} "containerDefinitions": [
                {{"name": "app", "image": "nginx:1.27", "memory": 256 {container_fields}}},
                {{"name": "log", "image": "fluent-bit:3", "memory": 64, "essential": false}}]}}"#
        )
    }

    #[test]
    fn fires_on_essential_containers_only() {
        let messages = assert_fires(CODE, 1, &td("", ""));
        assert!(messages[0].starts_with("essential container `app` runs without an init process"));
        assert_fires(
            CODE,
            1,
            &td("", r#", "essential": true, "linuxParameters": {"capabilities": {"drop": ["ALL"]}}"#),
        );
        assert_fires(CODE, 1, &td("", r#", "linuxParameters": {"initProcessEnabled": null}"#));
        assert_fires(CODE, 1, r#"[{"name": "a", "image": "x:1"}]"#);
    }

    #[test]
    fn enabled_or_explicitly_disabled_is_fine() {
        assert_clean(CODE, &td("", r#", "linuxParameters": {"initProcessEnabled": true}"#));
        assert_clean(CODE, &td("", r#", "linuxParameters": {"initProcessEnabled": false}"#));
        assert_clean(CODE, &td("", r#", "linuxParameters": {"initProcessEnabled": "${INIT}"}"#));
        assert_clean(CODE, &td("", r#", "linuxParameters": "${LINUX}""#));
        assert_clean(CODE, &td("", r#", "essential": false"#));
    }

    #[test]
    fn images_that_start_their_own_init_are_fine() {
        assert_clean(CODE, &td("", r#", "entryPoint": ["/sbin/tini", "--"], "command": ["nginx"]"#));
        assert_clean(CODE, &td("", r#", "command": ["dumb-init", "node", "server.js"]"#));
        assert_clean(CODE, &td("", r#", "entryPoint": ["/init"]"#));
        assert_clean(CODE, &td("", r#", "entryPoint": ["${ENTRYPOINT}"]"#));
        assert_fires(CODE, 1, &td("", r#", "entryPoint": ["/docker-entrypoint.sh"], "command": ["nginx"]"#));
    }

    #[test]
    fn skips_windows() {
        let windows = r#""runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},"#;
        assert_clean(CODE, &td(windows, ""));
        assert_clean(CODE, r#"[{"name": "a", "image": "amazon-ecs-ftest-windows-base:make"}]"#);
    }
}
