//! A mount point must name a volume declared in the task's `volumes`, or AWS rejects the task.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::is_placeholder;
use crate::model::{Shape, TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct UnknownMountVolume {
        code: "ECS-COR-019",
        name: "unknown-mount-volume",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a mount point names a volume the task definition does not declare",
    }
}

/// Declared volume names with their index, or `None` when they cannot be known.
fn declared_volumes<'a>(task: &TaskDefinition<'a>) -> Option<Vec<(usize, &'a str)>> {
    match task.get("volumes") {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(Value::Array(items)) => {
            let mut names = Vec::new();
            for (i, item) in items.iter().enumerate() {
                match item.get("name") {
                    Some(Value::String(name)) if is_placeholder(name) => return None,
                    Some(Value::String(name)) => names.push((i, name.as_str())),
                    _ => {}
                }
            }
            Some(names)
        }
        Some(_) => None,
    }
}

impl Rule for UnknownMountVolume {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // Volumes are declared at task level, which a bare container array does not have.
        if task.shape() == Shape::ContainerArray {
            return;
        }
        let Some(volumes) = declared_volumes(task) else {
            return;
        };
        for container in task.containers() {
            let mount_points = join(&container.pointer(), "mountPoints");
            for (j, mount_point) in container.array("mountPoints").iter().enumerate() {
                if !mount_point.is_object() {
                    continue;
                }
                let here = join(&mount_points, j);
                let source = match mount_point.get("sourceVolume") {
                    None | Some(Value::Null) => None,
                    Some(Value::String(s)) if is_placeholder(s) => continue,
                    Some(Value::String(s)) => Some(s.as_str()),
                    Some(_) => continue,
                };
                let Some(source) = source else {
                    cx.report(self, here)
                        .on_key()
                        .message(format!(
                            "a mount point of container `{}` has no `sourceVolume`; AWS rejects it: \
                             Unknown volume 'null'.",
                            container.label()
                        ))
                        .label("no `sourceVolume`")
                        .help("set `sourceVolume` to the name of a volume declared in the task's `volumes`")
                        .emit();
                    continue;
                };
                if volumes.iter().any(|(_, name)| *name == source) {
                    continue;
                }
                let mut builder = cx
                    .report(self, join(&here, "sourceVolume"))
                    .message(format!(
                        "a mount point of container `{}` uses volume `{source}`, which the task's `volumes` \
                         does not declare; AWS rejects it: Unknown volume '{source}'.",
                        container.label()
                    ))
                    .label("not a declared volume");
                let near = volumes.iter().find(|(_, name)| name.to_lowercase() == source.to_lowercase());
                builder = match near {
                    Some((i, name)) => builder
                        .related(format!("/volumes/{i}/name"), format!("declared as `{name}`"))
                        .help(format!("volume names are case-sensitive: use `{name}`, as declared in `volumes`")),
                    None if volumes.is_empty() => {
                        builder.help(format!("add a volume named `{source}` to the task's `volumes`"))
                    }
                    None => {
                        let list: Vec<String> = volumes.iter().map(|(_, n)| format!("`{n}`")).collect();
                        builder.help(format!(
                            "add a volume named `{source}` to `volumes`, or use a declared one: {}",
                            list.join(", ")
                        ))
                    }
                };
                builder.emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-019";

    fn td(volumes: &str, mount_points: &str) -> String {
        format!(
            r#"{{"family": "web", "volumes": {volumes}, "containerDefinitions": [
                {{"name": "app", "image": "nginx:1.27", "memory": 256, "mountPoints": {mount_points}}}]}}"#
        )
    }

    #[test]
    fn fires_on_an_undeclared_volume_with_the_aws_text() {
        let messages = assert_fires(
            CODE,
            1,
            &td(r#"[{"name": "data"}]"#, r#"[{"sourceVolume": "root-RO", "containerPath": "/data"}]"#),
        );
        assert!(messages[0].contains("Unknown volume 'root-RO'."));
        assert!(messages[0].contains("container `app`"));
        assert_fires(CODE, 1, &td("null", r#"[{"sourceVolume": "data", "containerPath": "/d"}]"#));
    }

    #[test]
    fn names_are_case_sensitive() {
        assert_fires(
            CODE,
            1,
            &td(r#"[{"name": "root-ro"}]"#, r#"[{"sourceVolume": "root-RO", "containerPath": "/data"}]"#),
        );
    }

    #[test]
    fn fires_on_a_missing_source_volume() {
        let messages = assert_fires(CODE, 1, &td(r#"[{"name": "data"}]"#, r#"[{"containerPath": "/data"}]"#));
        assert!(messages[0].contains("Unknown volume 'null'."));
    }

    #[test]
    fn declared_volumes_are_fine() {
        assert_clean(
            CODE,
            &td(
                r#"[{"name": "data"}, {"name": "cache"}]"#,
                r#"[{"sourceVolume": "cache", "containerPath": "/c"}, {"sourceVolume": "data", "containerPath": "/d"}]"#,
            ),
        );
        assert_clean(CODE, &td("[]", "[]"));
        assert_clean(CODE, &td("[]", "null"));
    }

    #[test]
    fn placeholders_and_odd_shapes_stay_silent() {
        assert_clean(CODE, &td(r#"[{"name": "data"}]"#, r#"[{"sourceVolume": "${VOLUME}", "containerPath": "/d"}]"#));
        assert_clean(
            CODE,
            &td(r#"[{"name": "{{ volume }}"}]"#, r#"[{"sourceVolume": "data", "containerPath": "/d"}]"#),
        );
        assert_clean(CODE, &td(r#""${VOLUMES}""#, r#"[{"sourceVolume": "data", "containerPath": "/d"}]"#));
        assert_clean(CODE, &td("[]", r#"[{"sourceVolume": 7}, "x", null]"#));
        assert_clean(CODE, &td("[]", r#"{"sourceVolume": "data"}"#));
    }

    #[test]
    fn silent_for_bare_container_arrays() {
        assert_clean(
            CODE,
            r#"[{"name": "a", "image": "nginx", "mountPoints": [{"sourceVolume": "data", "containerPath": "/d"}]}]"#,
        );
    }
}
