//! AWS rejects a task definition larger than 64 KiB (65,536 bytes), usually reached through many environment variables or secrets.

use crate::context::LintContext;
use crate::declare_rule;
use crate::input::detect::READ_ONLY_FIELDS;
use crate::model::known::is_placeholder;
use crate::model::{Container, Shape, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct TaskDefinitionTooLarge {
        code: "ECS-COR-043",
        name: "task-definition-too-large",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a task definition larger than the 64 KiB AWS accepts",
    }
}

/// The largest task definition RegisterTaskDefinition accepts, in bytes: `Actual length: '66420'.
/// Max allowed length is '65536' bytes.` (awsdocs/amazon-ecs-developer-guide#149, which changed
/// the documented quota from 32 KiB to 64 KiB). Checked: 2026-11-23.
pub const LIMIT: usize = 65_536;

/// How many of the largest parts a finding names, and how large a part after the first must be to
/// be named.
const SHOWN_PARTS: usize = 3;
const SHOWN_MIN_SIZE: usize = 1024;

/// Characters of `value` serialized as compact JSON. AWS counts bytes; counting characters gives
/// the same number for ASCII and never more than AWS's count otherwise.
fn compact_len(value: &Value) -> usize {
    serde_json::to_string(value).map_or(0, |text| text.chars().count())
}

/// `"key":value` inside an object.
fn member_len(key: &str, value: &Value) -> usize {
    compact_len(&Value::String(key.to_string())) + 1 + compact_len(value)
}

/// Replaces every placeholder string with `""`, so the size is a lower bound of the rendered file;
/// returns whether any was replaced.
fn blank_placeholders(value: &mut Value) -> bool {
    match value {
        Value::String(s) if is_placeholder(s) => {
            s.clear();
            true
        }
        Value::Array(items) => items.iter_mut().fold(false, |any, v| blank_placeholders(v) | any),
        Value::Object(map) => map.values_mut().fold(false, |any, v| blank_placeholders(v) | any),
        _ => false,
    }
}

/// What AWS would measure: the request without the fields `describe-task-definition` adds (the
/// register request cannot carry them) and without `tags`, which AWS stores apart from the task
/// definition; this errs towards a smaller size.
fn measured(task: &TaskDefinition<'_>) -> (Value, bool) {
    let mut value = task.value().clone();
    if let Some(map) = value.as_object_mut() {
        for field in READ_ONLY_FIELDS.iter().chain(["tags"].iter()) {
            map.remove(*field);
        }
    }
    let blanked = blank_placeholders(&mut value);
    (value, blanked)
}

/// One top-level field of the task or of a container, with its serialized size.
struct Part {
    pointer: String,
    field: String,
    what: String,
    size: usize,
}

fn parts(value: &Value) -> Vec<Part> {
    let Some(map) = value.as_object() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, member) in map {
        if key != "containerDefinitions" {
            out.push(Part {
                pointer: crate::model::join("", key),
                field: key.clone(),
                what: format!("`{key}`"),
                size: member_len(key, member),
            });
            continue;
        }
        let Some(containers) = member.as_array() else {
            out.push(Part {
                pointer: "/containerDefinitions".to_string(),
                field: key.clone(),
                what: "`containerDefinitions`".to_string(),
                size: member_len(key, member),
            });
            continue;
        };
        for (i, container_value) in containers.iter().enumerate() {
            let container = Container::new(container_value, i);
            let Some(fields) = container_value.as_object() else {
                continue;
            };
            for (field, field_value) in fields {
                out.push(Part {
                    pointer: crate::model::join(&container.pointer(), field),
                    field: field.clone(),
                    what: format!("`{field}` of container {}", container.display()),
                    size: member_len(field, field_value),
                });
            }
        }
    }
    out.sort_by_key(|part| std::cmp::Reverse(part.size));
    out
}

/// `66420` → `66,420`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn help(field: &str) -> &'static str {
    match field {
        "environment" => {
            "move these variables into an environment file in Amazon S3 (`environmentFiles`) or into SSM \
             parameters the application reads"
        }
        "secrets" => {
            "reference SSM parameters in the task's Region by name instead of by full ARN, or have the application \
             read one JSON secret at startup"
        }
        "command" | "entryPoint" => "move the script into the image, or into a file the container downloads",
        "dockerLabels" => "drop the labels the task does not need",
        _ => {
            "move large values out of the task definition (S3 environment files, SSM parameters, the image), or \
             split the containers over several task definitions"
        }
    }
}

impl Rule for TaskDefinitionTooLarge {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let (value, blanked) = measured(task);
        let size = compact_len(&value);
        if size <= LIMIT {
            return;
        }
        let parts = parts(&value);
        let Some(largest) = parts.first() else {
            return;
        };
        let subject = if task.shape() == Shape::ContainerArray {
            "the container definitions alone are"
        } else {
            "the task definition is"
        };
        let note = if blanked { " (placeholders counted as empty)" } else { "" };
        let shown: Vec<&Part> = parts
            .iter()
            .take(SHOWN_PARTS)
            .enumerate()
            .filter(|(i, p)| *i == 0 || p.size >= SHOWN_MIN_SIZE)
            .map(|(_, p)| p)
            .collect();
        let named: Vec<String> = shown.iter().map(|p| format!("{} ({} bytes)", p.what, thousands(p.size))).collect();
        let (parts_are, named) = match named.len() {
            1 => ("the largest part is", named.join("")),
            _ => ("the largest parts are", named.join(", ")),
        };
        let mut report = cx
            .report(self, largest.pointer.as_str())
            .on_key()
            .message(format!(
                "{subject} {} bytes as compact JSON{note}, more than the {} bytes (64 KiB) AWS accepts; \
                 {parts_are} {named}; AWS rejects it: Actual length: '{size}'. Max allowed length is '{LIMIT}' bytes.",
                thousands(size),
                thousands(LIMIT),
            ))
            .label(format!("{} bytes, the largest part", thousands(largest.size)))
            .help(help(&largest.field));
        for part in shown.iter().skip(1) {
            report = report.related(part.pointer.as_str(), format!("{} bytes", thousands(part.size)));
        }
        report.emit();
    }
}

#[cfg(test)]
mod tests {
    use super::thousands;
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-043";

    /// A task definition whose container `app` has `count` environment variables of `width` characters.
    fn td(count: usize, width: usize) -> String {
        let value = "v".repeat(width);
        let environment: Vec<String> =
            (0..count).map(|i| format!(r#"{{"name": "VAR_{i}", "value": "{value}"}}"#)).collect();
        format!(
            r#"{{"family": "web", "containerDefinitions": [
                {{"name": "app", "image": "nginx:1.27", "memory": 256, "environment": [{}]}},
                {{"name": "sidecar", "image": "busybox", "memory": 64, "command": ["sh", "-c", "{}"]}}]}}"#,
            environment.join(", "),
            "x".repeat(2000)
        )
    }

    #[test]
    fn fires_over_64_kib_with_the_aws_text_and_the_largest_parts() {
        let messages = assert_fires(CODE, 1, &td(700, 80));
        assert!(messages[0].starts_with("the task definition is "), "{}", messages[0]);
        assert!(messages[0].contains("the largest parts are `environment` of container `app` ("), "{}", messages[0]);
        assert!(messages[0].contains("`command` of container `sidecar` (2,"), "{}", messages[0]);
        assert!(messages[0].ends_with("Max allowed length is '65536' bytes."), "{}", messages[0]);
    }

    #[test]
    fn clean_under_the_limit() {
        assert_clean(CODE, &td(10, 80));
        assert_clean(CODE, &td(500, 80));
    }

    #[test]
    fn placeholders_count_as_empty() {
        let value = "${VERY_LONG_PLACEHOLDER_THAT_RENDERS_TO_SOMETHING_SHORT}".repeat(2);
        let environment: Vec<String> = (0..700).map(|i| format!(r#"{{"name": "V{i}", "value": "{value}"}}"#)).collect();
        let text = format!(
            r#"{{"family": "web", "containerDefinitions": [{{"name": "app", "image": "nginx", "environment": [{}]}}]}}"#,
            environment.join(", ")
        );
        assert!(text.len() > super::LIMIT);
        assert_clean(CODE, &text);
    }

    #[test]
    fn tags_are_not_counted() {
        let tags: Vec<String> = (0..50)
            .map(|i| format!(r#"{{"key": "k{i}{}", "value": "{}"}}"#, "k".repeat(120), "v".repeat(250)))
            .collect();
        let base = td(540, 80);
        let text = base.replacen("{\"family\"", &format!("{{\"tags\": [{}], \"family\"", tags.join(", ")), 1);
        assert!(text.len() > super::LIMIT);
        assert_clean(CODE, &text);
    }

    #[test]
    fn bare_container_arrays_are_measured_too() {
        let value = "v".repeat(100);
        let environment: Vec<String> =
            (0..700).map(|i| format!(r#"{{"name": "VAR_{i}", "value": "{value}"}}"#)).collect();
        let text = format!(r#"[{{"name": "app", "image": "nginx", "environment": [{}]}}]"#, environment.join(", "));
        let messages = assert_fires(CODE, 1, &text);
        assert!(messages[0].starts_with("the container definitions alone are "), "{}", messages[0]);
        // Small parts are not named.
        assert!(messages[0].contains("; the largest part is `environment` of container `app` ("), "{}", messages[0]);
    }

    #[test]
    fn formats_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(65536), "65,536");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
