//! `--fix` for describe output: unwrap `taskDefinition` (or a single service of `services`) and
//! strip read-only fields by editing the text, so the rest of the file keeps its formatting.

use super::detect::{READ_ONLY_FIELDS, SERVICE_READ_ONLY_FIELDS};
use super::json::{Member, Node, NodeKind, Span};
use crate::model::Shape;

/// The fixed text for a document of `shape`, or `None` when there is nothing safe to fix.
pub fn fix(text: &str, root: &Node, shape: Shape) -> Option<String> {
    match shape {
        Shape::RegisterRequest | Shape::DescribeOutput => {
            let wrapped = root.get("taskDefinition").filter(|inner| {
                matches!(inner.kind, NodeKind::Object(_)) && only_keys(root, &["taskDefinition", "tags"])
            });
            let tags = root.get("tags").filter(|t| matches!(&t.kind, NodeKind::Array(a) if !a.is_empty()));
            rewrite(text, root, wrapped, &READ_ONLY_FIELDS, tags)
        }
        Shape::CreateService | Shape::DescribeServices | Shape::ServiceDefinition => {
            let single = match root.get("services").map(|s| &s.kind) {
                Some(NodeKind::Array(items)) if items.len() == 1 && only_keys(root, &["services", "failures"]) => {
                    let no_failures =
                        root.get("failures").is_none_or(|f| matches!(&f.kind, NodeKind::Array(a) if a.is_empty()));
                    if !no_failures {
                        return None;
                    }
                    items.first()
                }
                Some(_) => return None, // several services cannot become one request
                None => None,
            };
            rewrite(text, root, single, &SERVICE_READ_ONLY_FIELDS, None)
        }
        Shape::UpdateService | Shape::ContainerArray | Shape::Cluster | Shape::Role => None,
    }
}

/// Unwraps `inner` (when given) out of `root` and deletes `read_only` members, editing the text.
fn rewrite(text: &str, root: &Node, inner: Option<&Node>, read_only: &[&str], tags: Option<&Node>) -> Option<String> {
    let (object, wrapped) = match inner {
        Some(inner) => (inner, true),
        None => (root, false),
    };
    let NodeKind::Object(members) = &object.kind else {
        return None;
    };
    let removals = removal_spans(members, |m| read_only.contains(&m.key.as_str()));
    if removals.is_empty() && !wrapped {
        return None;
    }
    let mut body = String::new();
    let mut cursor = object.span.start;
    for span in &removals {
        body.push_str(&text[cursor..span.start]);
        cursor = span.end;
    }
    body.push_str(&text[cursor..object.span.end]);
    if !wrapped {
        return Some(format!("{}{body}{}", &text[..object.span.start], &text[object.span.end..]));
    }
    let indent = indentation_of(text, object.span.end - 1);
    let mut out = dedent(&body, indent);
    if let Some(tags) = tags
        && object.get("tags").is_none()
    {
        let close = out.rfind('}').unwrap_or(out.len());
        let body = out[..close].trim_end().to_string();
        let tags_text = dedent(&text[tags.span.clone()], indentation_of(text, tags.span.end - 1).saturating_sub(2));
        out = format!("{body},\n  \"tags\": {tags_text}\n}}");
    }
    let trailing = if text.ends_with('\n') { "\n" } else { "" };
    Some(format!("{}{out}{trailing}", &text[..root.span.start]))
}

/// A wrapper may be unwrapped only when it holds nothing but `keys`.
fn only_keys(root: &Node, keys: &[&str]) -> bool {
    matches!(&root.kind, NodeKind::Object(m) if m.iter().all(|m| keys.contains(&m.key.as_str())))
}

/// Spans that delete the selected members with their separating comma, keeping layout.
fn removal_spans(members: &[Member], remove: impl Fn(&Member) -> bool) -> Vec<Span> {
    let keep: Vec<bool> = members.iter().map(|m| !remove(m)).collect();
    let mut spans = Vec::new();
    for (i, member) in members.iter().enumerate() {
        if keep[i] {
            continue;
        }
        // Delete up to the next member's key, or, for a trailing run, from the last kept value.
        match (i + 1..members.len()).find(|&j| keep[j]) {
            Some(_) => spans.push(member.key_span.start..members[i + 1].key_span.start),
            None => match (0..i).rev().find(|&j| keep[j]) {
                Some(prev) => spans.push(members[prev].value.span.end..member.value.span.end),
                None => spans.push(member.key_span.start..member.value.span.end),
            },
        }
    }
    merge(spans)
}

fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(|s| s.start);
    let mut out: Vec<Span> = Vec::new();
    for span in spans {
        match out.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => out.push(span),
        }
    }
    out
}

/// Leading spaces of the line holding `offset`.
fn indentation_of(text: &str, offset: usize) -> usize {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..].bytes().take_while(|&b| b == b' ').count()
}

/// Removes up to `n` leading spaces from every line but the first.
fn dedent(text: &str, n: usize) -> String {
    let mut lines = text.split('\n');
    let mut out = lines.next().unwrap_or_default().to_string();
    for line in lines {
        out.push('\n');
        let spaces = line.bytes().take(n).take_while(|&b| b == b' ').count();
        out.push_str(&line[spaces..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::input::json::parse;

    fn fix(text: &str) -> Option<String> {
        let root = parse(text, 0).unwrap().root;
        let shape = crate::input::detect::detect(&root).first().map(|r| r.shape)?;
        super::fix(text, &root, shape)
    }

    #[test]
    fn unwraps_and_strips_preserving_layout() {
        let text = "{\n  \"taskDefinition\": {\n    \"taskDefinitionArn\": \"arn:x\",\n    \"family\": \"web\",\n    \"revision\": 3,\n    \"containerDefinitions\": [],\n    \"status\": \"ACTIVE\"\n  },\n  \"tags\": []\n}\n";
        let fixed = fix(text).unwrap();
        assert_eq!(fixed, "{\n  \"family\": \"web\",\n  \"containerDefinitions\": []\n}\n");
        assert_eq!(fix(&fixed), None, "idempotent");
    }

    #[test]
    fn strips_unwrapped_read_only_fields() {
        let text = r#"{"revision": 1, "family": "a", "containerDefinitions": [], "status": "ACTIVE"}"#;
        assert_eq!(fix(text).unwrap(), r#"{"family": "a", "containerDefinitions": []}"#);
    }

    #[test]
    fn unwraps_a_single_described_service() {
        let text = "{\n  \"services\": [\n    {\n      \"serviceArn\": \"arn:x\",\n      \"serviceName\": \"web\",\n      \"desiredCount\": 2,\n      \"runningCount\": 2\n    }\n  ],\n  \"failures\": []\n}\n";
        let fixed = fix(text).unwrap();
        assert_eq!(fixed, "{\n  \"serviceName\": \"web\",\n  \"desiredCount\": 2\n}\n");
        assert_eq!(fix(&fixed), None, "idempotent");
        let two = r#"{"services": [{"serviceName": "a", "status": "ACTIVE"}, {"serviceName": "b"}]}"#;
        assert_eq!(fix(two), None);
    }

    #[test]
    fn a_service_keeps_fields_that_are_read_only_only_for_task_definitions() {
        let text = r#"{"serviceName": "web", "desiredCount": 2, "runningCount": 1}"#;
        assert_eq!(fix(text).unwrap(), r#"{"serviceName": "web", "desiredCount": 2}"#);
    }

    #[test]
    fn moves_describe_tags_into_the_task_definition() {
        let text = "{\n  \"taskDefinition\": {\n    \"family\": \"web\",\n    \"containerDefinitions\": []\n  },\n  \"tags\": [\n    {\"key\": \"team\", \"value\": \"a\"}\n  ]\n}\n";
        let fixed = fix(text).unwrap();
        let value: serde_json::Value = serde_json::from_str(&fixed).unwrap();
        assert_eq!(value["tags"][0]["key"], "team");
        assert_eq!(value["family"], "web");
    }
}
