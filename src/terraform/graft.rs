//! JSON inside JSON strings (`container_definitions`, IAM policies): the string's content is parsed
//! and grafted into the plan's tree in place of the string, with every span moved to the bytes of
//! the plan file, through the escape sequences of the string literal. After the graft a pointer
//! such as `/resource_changes/0/change/after/container_definitions/0/privileged` resolves with
//! [`Node::lookup`] to the exact escaped bytes, like any other pointer.

use crate::input::json::{self, Node, NodeKind, Span};

/// Replaces the string at `pointer` by the document it holds. Leaves it as it is (and returns
/// false) when it is not a string or does not hold valid JSON.
pub(super) fn graft(root: &mut Node, text: &str, pointer: &str) -> bool {
    let Some(node) = node_mut(root, pointer) else { return false };
    let NodeKind::String(content) = &node.kind else { return false };
    let Ok(parsed) = json::parse(content, 0) else { return false };
    let mut inner = parsed.root;
    match offsets(text, &node.span, content) {
        Some(table) => {
            let end = node.span.end.saturating_sub(1);
            relocate(&mut inner, &|offset| table.get(offset).copied().unwrap_or(end));
        }
        // The literal's text does not decode to the string (it did not come from `text`): the
        // whole literal is the best span there is.
        None => {
            let whole = node.span.clone();
            relocate_all(&mut inner, &whole);
        }
    }
    *node = inner;
    true
}

/// For each byte offset of the decoded string (and its end), the offset in `text` where the source
/// of that byte starts: an escape sequence maps every byte it produces to its backslash.
fn offsets(text: &str, literal: &Span, expected: &str) -> Option<Vec<usize>> {
    let raw = text.get(literal.clone())?;
    let body = raw.strip_prefix('"')?.strip_suffix('"')?;
    let base = literal.start + 1;
    let bytes = body.as_bytes();
    let mut decoded = String::with_capacity(body.len());
    let mut table = Vec::with_capacity(body.len() + 1);
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = if bytes[i] == b'\\' { unescape(bytes, i)? } else { (body[i..].chars().next()?, 0) };
        let len = if len == 0 { c.len_utf8() } else { len };
        let before = decoded.len();
        decoded.push(c);
        table.extend(std::iter::repeat_n(base + i, decoded.len() - before));
        i += len;
    }
    table.push(base + body.len());
    (decoded == expected).then_some(table)
}

/// The character of the escape sequence at `at` and the sequence's length in bytes.
fn unescape(bytes: &[u8], at: usize) -> Option<(char, usize)> {
    let c = match bytes.get(at + 1)? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => {
            let high = hex4(bytes, at + 2)?;
            if (0xD800..0xDC00).contains(&high) {
                if bytes.get(at + 6..at + 8)? != b"\\u" {
                    return None;
                }
                let low = hex4(bytes, at + 8).filter(|low| (0xDC00..0xE000).contains(low))?;
                let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                return Some((char::from_u32(code)?, 12));
            }
            return Some((char::from_u32(high).unwrap_or(char::REPLACEMENT_CHARACTER), 6));
        }
        _ => return None,
    };
    Some((c, 2))
}

fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = std::str::from_utf8(bytes.get(at..at + 4)?).ok()?;
    u32::from_str_radix(digits, 16).ok()
}

fn relocate(node: &mut Node, map: &dyn Fn(usize) -> usize) {
    node.span = map(node.span.start)..map(node.span.end);
    match &mut node.kind {
        NodeKind::Array(items) => items.iter_mut().for_each(|n| relocate(n, map)),
        NodeKind::Object(members) => {
            for m in members {
                m.key_span = map(m.key_span.start)..map(m.key_span.end);
                relocate(&mut m.value, map);
            }
        }
        _ => {}
    }
}

/// Every span becomes `span`.
fn relocate_all(node: &mut Node, span: &Span) {
    node.span = span.clone();
    match &mut node.kind {
        NodeKind::Array(items) => items.iter_mut().for_each(|n| relocate_all(n, span)),
        NodeKind::Object(members) => {
            for m in members {
                m.key_span = span.clone();
                relocate_all(&mut m.value, span);
            }
        }
        _ => {}
    }
}

/// The node at an RFC 6901 pointer, mutably (the last of duplicate keys, as in [`Node::lookup`]).
fn node_mut<'a>(root: &'a mut Node, pointer: &str) -> Option<&'a mut Node> {
    let mut node = root;
    if pointer.is_empty() {
        return Some(node);
    }
    for raw in pointer.strip_prefix('/')?.split('/') {
        let segment = raw.replace("~1", "/").replace("~0", "~");
        node = match &mut node.kind {
            NodeKind::Object(members) => &mut members.iter_mut().rev().find(|m| m.key == segment)?.value,
            NodeKind::Array(items) => items.get_mut(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(text: &str) -> Node {
        json::parse(text, 0).expect("valid JSON").root
    }

    #[test]
    fn spans_land_on_the_escaped_bytes() {
        let text = r#"{"cd": "[{\"name\":\"caf\u00e9 \\\"x\\\"\",\"privileged\":true,\"e\":\"\ud83d\ude00\"}]"}"#;
        let mut root = plan(text);
        assert!(graft(&mut root, text, "/cd"));
        let (node, key) = root.lookup("/cd/0/privileged").unwrap();
        assert_eq!(&text[node.span.clone()], "true");
        assert_eq!(&text[key.unwrap()], r#"\"privileged\""#);
        let (name, _) = root.lookup("/cd/0/name").unwrap();
        assert_eq!(name.as_str(), Some("café \"x\""));
        assert_eq!(&text[name.span.clone()], r#"\"caf\u00e9 \\\"x\\\"\""#);
        let (emoji, _) = root.lookup("/cd/0/e").unwrap();
        assert_eq!(&text[emoji.span.clone()], r#"\"\ud83d\ude00\""#);
        let (array, _) = root.lookup("/cd").unwrap();
        assert!(text[array.span.clone()].starts_with('[') && text[array.span.clone()].ends_with(']'));
    }

    #[test]
    fn raw_multibyte_characters_and_newlines_keep_their_offsets() {
        let text = "{\"p\": \"{\\n  \\\"Sid\\\": \\\"é\\\",\\n  \\\"Effect\\\": \\\"Allow\\\"}\"}";
        let mut root = plan(text);
        assert!(graft(&mut root, text, "/p"));
        let (effect, key) = root.lookup("/p/Effect").unwrap();
        assert_eq!(&text[effect.span.clone()], r#"\"Allow\""#);
        assert_eq!(&text[key.unwrap()], r#"\"Effect\""#);
        assert_eq!(&text[root.lookup("/p/Sid").unwrap().0.span.clone()], "\\\"é\\\"");
    }

    #[test]
    fn malformed_or_non_string_content_is_left_alone() {
        let text = r#"{"a": "[{\"name\": }]", "b": 3, "c": ""}"#;
        let mut root = plan(text);
        let before = root.clone();
        assert!(!graft(&mut root, text, "/a"));
        assert!(!graft(&mut root, text, "/b"));
        assert!(!graft(&mut root, text, "/c"));
        assert!(!graft(&mut root, text, "/missing/0"));
        assert_eq!(root, before);
    }

    #[test]
    fn a_text_that_does_not_match_gets_the_whole_literal() {
        let text = r#"{"a": "[1]"}"#;
        let mut root = plan(text);
        assert!(graft(&mut root, "{\"a\": \"[2]\"}", "/a"));
        assert_eq!(&text[root.lookup("/a/0").unwrap().0.span.clone()], r#""[1]""#);
    }
}
