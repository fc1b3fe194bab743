//! `--fix` for describe-task-definition output: unwrap `taskDefinition` and strip read-only
//! fields by editing the text, so the rest of the file keeps its formatting.

use super::detect::is_read_only_field;
use super::json::{Member, Node, NodeKind, Span};

/// The fixed text, or `None` when there is nothing safe to fix.
pub fn describe_to_register(text: &str, root: &Node) -> Option<String> {
    let (object, wrapped) = match root.get("taskDefinition") {
        Some(inner) if matches!(inner.kind, NodeKind::Object(_)) && only_wrapper_keys(root) => (inner, true),
        _ => (root, false),
    };
    let NodeKind::Object(members) = &object.kind else {
        return None;
    };
    let removals = removal_spans(members, |m| is_read_only_field(&m.key));
    if removals.is_empty() && !wrapped {
        return None;
    }
    let mut inner = String::new();
    let mut cursor = object.span.start;
    for span in &removals {
        inner.push_str(&text[cursor..span.start]);
        cursor = span.end;
    }
    inner.push_str(&text[cursor..object.span.end]);
    if !wrapped {
        return Some(format!("{}{inner}{}", &text[..object.span.start], &text[object.span.end..]));
    }
    let indent = indentation_of(text, object.span.end - 1);
    let mut out = dedent(&inner, indent);
    if let Some(tags) = root.get("tags").filter(|t| matches!(&t.kind, NodeKind::Array(a) if !a.is_empty()))
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

/// The wrapper may be unwrapped when it holds nothing but `taskDefinition` and `tags`.
fn only_wrapper_keys(root: &Node) -> bool {
    matches!(&root.kind, NodeKind::Object(m) if m.iter().all(|m| m.key == "taskDefinition" || m.key == "tags"))
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
    use super::*;
    use crate::input::json::parse;

    fn fix(text: &str) -> Option<String> {
        describe_to_register(text, &parse(text, 0).unwrap().root)
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
    fn moves_describe_tags_into_the_task_definition() {
        let text = "{\n  \"taskDefinition\": {\n    \"family\": \"web\",\n    \"containerDefinitions\": []\n  },\n  \"tags\": [\n    {\"key\": \"team\", \"value\": \"a\"}\n  ]\n}\n";
        let fixed = fix(text).unwrap();
        let value: serde_json::Value = serde_json::from_str(&fixed).unwrap();
        assert_eq!(value["tags"][0]["key"], "team");
        assert_eq!(value["family"], "web");
    }
}
