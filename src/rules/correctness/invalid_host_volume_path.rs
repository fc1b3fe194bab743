//! A bind mount's `host.sourcePath` may be omitted, but AWS rejects it written as a blank string.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{Shape, TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct InvalidHostVolumePath {
        code: "ECS-COR-047",
        name: "invalid-host-volume-path",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a host volume with an empty source path",
    }
}

const AWS_TEXT: &str = "host.sourcePath should not be blank.";

impl Rule for InvalidHostVolumePath {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // Volumes are declared at task level, which a bare container array does not have.
        if task.shape() == Shape::ContainerArray {
            return;
        }
        let volumes = task.get("volumes").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
        for (i, volume) in volumes.iter().enumerate() {
            let Some(Value::String(path)) = volume.get("host").and_then(|h| h.get("sourcePath")) else {
                continue;
            };
            if !path.trim().is_empty() {
                continue;
            }
            let who = match known_str(volume.get("name")).filter(|n| !n.trim().is_empty()) {
                Some(name) => format!("volume `{name}`"),
                None => format!("volume #{i}"),
            };
            cx.report(self, join(&join(&join("/volumes", i), "host"), "sourcePath"))
                .message(format!("{who} has a blank `host.sourcePath`; AWS rejects it: {AWS_TEXT}"))
                .label("blank source path")
                .help(
                    "set `sourcePath` to a path on the host, or remove it (keep `\"host\": {}`) for a bind mount \
                     whose host path Docker chooses",
                )
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-047";

    fn td(volumes: &str) -> String {
        format!(
            r#"{{"family": "web", "volumes": {volumes},
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256}}]}}"#
        )
    }

    #[test]
    fn fires_on_blank_source_paths_with_the_aws_text() {
        let messages = assert_fires(CODE, 1, &td(r#"[{"name": "data", "host": {"sourcePath": ""}}]"#));
        assert_eq!(
            messages[0],
            "volume `data` has a blank `host.sourcePath`; AWS rejects it: host.sourcePath should not be blank."
        );
        assert_fires(CODE, 2, &td(r#"[{"name": "a", "host": {"sourcePath": "  "}}, {"host": {"sourcePath": ""}}]"#));
    }

    #[test]
    fn omitted_or_real_paths_are_fine() {
        assert_clean(
            CODE,
            &td(r#"[{"name": "a", "host": {}}, {"name": "b"}, {"name": "c", "host": {"sourcePath": null}}]"#),
        );
        assert_clean(CODE, &td(r#"[{"name": "a", "host": {"sourcePath": "/var/log"}}]"#));
        assert_clean(CODE, &td(r#"[{"name": "a", "host": {"sourcePath": "${HOST_PATH}"}}]"#));
    }

    #[test]
    fn odd_shapes_and_bare_arrays_are_skipped() {
        assert_clean(CODE, &td(r#"{"name": "a"}"#));
        assert_clean(CODE, &td(r#"[{"name": "a", "host": ""}, {"name": "b", "host": {"sourcePath": 0}}, 3]"#));
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx"}]"#);
    }
}
