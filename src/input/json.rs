//! A strict JSON parser that keeps the byte span of every key and value.
//!
//! Why our own: the linter needs spans for keys *and* values, duplicate keys kept (to report them),
//! strict RFC 8259 grammar (the AWS CLI rejects JSON5, comments and raw control characters) and a
//! hard nesting limit so that a 100,000-level file is a diagnostic rather than a stack overflow.
//! `jsonc-parser` (the usual pick) accepts raw tabs in strings and recurses without a limit.

use std::ops::Range;

/// Byte offsets into the source text.
pub type Span = Range<usize>;

/// Deeper documents are rejected: real ECS documents nest about 10 levels, Terraform plans about 30.
pub const MAX_DEPTH: usize = 256;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Span,
    pub kind: NodeKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

/// A syntax error with the span it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Span,
}

/// A key that appears twice in one object.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateKey {
    /// JSON Pointer of the object holding the key.
    pub object_pointer: String,
    pub key: String,
    pub first: Span,
    pub second: Span,
}

#[derive(Debug)]
pub struct Parsed {
    pub root: Node,
    pub duplicates: Vec<DuplicateKey>,
}

/// Parses `text` starting at byte `start` (past a byte-order mark, for example).
pub fn parse(text: &str, start: usize) -> Result<Parsed, SyntaxError> {
    let mut parser = Parser { bytes: text.as_bytes(), text, pos: start, duplicates: Vec::new() };
    parser.skip_ws();
    if parser.pos >= parser.bytes.len() {
        return Err(SyntaxError { message: "the file is empty".into(), span: start..start });
    }
    let mut pointer = String::new();
    let root = parser.value(0, &mut pointer)?;
    parser.skip_ws();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error_here("unexpected content after the end of the JSON document"));
    }
    Ok(Parsed { root, duplicates: parser.duplicates })
}

struct Parser<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    duplicates: Vec<DuplicateKey>,
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// The span of the character at the cursor (one whole UTF-8 character, or empty at the end).
    fn char_span(&self) -> Span {
        let len = self.text[self.pos.min(self.text.len())..].chars().next().map_or(0, char::len_utf8);
        self.pos..self.pos + len
    }

    fn error_here(&self, message: &str) -> SyntaxError {
        let found = match self.text[self.pos.min(self.text.len())..].chars().next() {
            None => "the end of the file".to_string(),
            Some(c) if c.is_control() => format!("{c:?}"),
            Some(c) => format!("`{c}`"),
        };
        SyntaxError { message: format!("{message}, found {found}"), span: self.char_span() }
    }

    fn value(&mut self, depth: usize, pointer: &mut String) -> Result<Node, SyntaxError> {
        if depth >= MAX_DEPTH {
            return Err(SyntaxError {
                message: format!("the document nests deeper than {MAX_DEPTH} levels"),
                span: self.char_span(),
            });
        }
        let start = self.pos;
        let kind = match self.peek() {
            Some(b'{') => return self.object(depth, pointer),
            Some(b'[') => return self.array(depth, pointer),
            Some(b'"') => NodeKind::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => NodeKind::Number(self.number()?),
            Some(b't') => self.literal("true", NodeKind::Bool(true))?,
            Some(b'f') => self.literal("false", NodeKind::Bool(false))?,
            Some(b'n') => self.literal("null", NodeKind::Null)?,
            Some(b'/') => return Err(self.error_here("comments are not allowed in JSON")),
            Some(b'\'') => return Err(self.error_here("strings must use double quotes")),
            _ => return Err(self.error_here("expected a JSON value")),
        };
        Ok(Node { span: start..self.pos, kind })
    }

    fn literal(&mut self, word: &str, kind: NodeKind) -> Result<NodeKind, SyntaxError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(kind)
        } else {
            Err(self.error_here("expected a JSON value"))
        }
    }

    fn object(&mut self, depth: usize, pointer: &mut String) -> Result<Node, SyntaxError> {
        let start = self.pos;
        self.pos += 1;
        let mut members: Vec<Member> = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Node { span: start..self.pos, kind: NodeKind::Object(members) });
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                let what = if self.peek() == Some(b'}') {
                    "trailing commas are not allowed; expected a key"
                } else {
                    "expected a key in double quotes"
                };
                return Err(self.error_here(what));
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = key_start..self.pos;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error_here("expected `:` after the key"));
            }
            self.pos += 1;
            self.skip_ws();
            let mark = pointer.len();
            push_segment(pointer, &key);
            let value = self.value(depth + 1, pointer)?;
            pointer.truncate(mark);
            if let Some(first) = members.iter().find(|m| m.key == key) {
                self.duplicates.push(DuplicateKey {
                    object_pointer: pointer.clone(),
                    key: key.clone(),
                    first: first.key_span.clone(),
                    second: key_span.clone(),
                });
            }
            members.push(Member { key, key_span, value });
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Node { span: start..self.pos, kind: NodeKind::Object(members) });
                }
                _ => return Err(self.error_here("expected `,` or `}` after an object member")),
            }
        }
    }

    fn array(&mut self, depth: usize, pointer: &mut String) -> Result<Node, SyntaxError> {
        let start = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Node { span: start..self.pos, kind: NodeKind::Array(items) });
        }
        loop {
            self.skip_ws();
            if self.peek() == Some(b']') {
                return Err(self.error_here("trailing commas are not allowed; expected a value"));
            }
            let mark = pointer.len();
            pointer.push('/');
            pointer.push_str(&items.len().to_string());
            items.push(self.value(depth + 1, pointer)?);
            pointer.truncate(mark);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Node { span: start..self.pos, kind: NodeKind::Array(items) });
                }
                _ => return Err(self.error_here("expected `,` or `]` after an array element")),
            }
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        let mut run_start = self.pos;
        loop {
            let Some(b) = self.peek() else {
                return Err(SyntaxError { message: "unterminated string".into(), span: open..self.bytes.len() });
            };
            match b {
                b'"' => {
                    out.push_str(&self.text[run_start..self.pos]);
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.text[run_start..self.pos]);
                    self.escape(&mut out)?;
                    run_start = self.pos;
                }
                0x00..=0x1f => {
                    return Err(
                        self.error_here("control characters must be escaped inside strings (tabs and newlines too)")
                    );
                }
                _ => self.pos += 1,
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let start = self.pos;
        self.pos += 1;
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let high = self.hex4(start)?;
                let code = if (0xD800..0xDC00).contains(&high) {
                    if !self.bytes[self.pos..].starts_with(b"\\u") {
                        return Err(self.bad_escape(start, "a lone UTF-16 surrogate"));
                    }
                    self.pos += 2;
                    let low = self.hex4(start)?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(self.bad_escape(start, "an unpaired UTF-16 surrogate"));
                    }
                    0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..0xE000).contains(&high) {
                    return Err(self.bad_escape(start, "a lone UTF-16 surrogate"));
                } else {
                    high
                };
                out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                return Ok(());
            }
            _ => return Err(self.bad_escape(start, "an invalid escape sequence")),
        };
        out.push(c);
        self.pos += 1;
        Ok(())
    }

    fn hex4(&mut self, escape_start: usize) -> Result<u32, SyntaxError> {
        let digits = self.bytes.get(self.pos..self.pos + 4).unwrap_or_default();
        if digits.len() != 4 || !digits.iter().all(u8::is_ascii_hexdigit) {
            return Err(self.bad_escape(escape_start, "an invalid `\\u` escape"));
        }
        self.pos += 4;
        // The four bytes are ASCII hex digits, so both conversions succeed.
        Ok(std::str::from_utf8(digits).ok().and_then(|d| u32::from_str_radix(d, 16).ok()).unwrap_or(0))
    }

    fn bad_escape(&self, start: usize, what: &str) -> SyntaxError {
        SyntaxError { message: format!("{what} in a string"), span: start..self.pos.max(start + 1) }
    }

    fn number(&mut self) -> Result<serde_json::Number, SyntaxError> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let s = p.pos;
            while let Some(b'0'..=b'9') = p.peek() {
                p.pos += 1;
            }
            p.pos - s
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        let int_len = digits(self);
        if int_len == 0 {
            return Err(self.error_here("expected digits in a number"));
        }
        if int_len > 1 && self.bytes[int_start] == b'0' {
            return Err(SyntaxError { message: "numbers must not have leading zeros".into(), span: start..self.pos });
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            integer = false;
            self.pos += 1;
            if digits(self) == 0 {
                return Err(self.error_here("expected digits after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            integer = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(self.error_here("expected digits in the exponent"));
            }
        }
        let raw = &self.text[start..self.pos];
        if integer {
            if let Ok(i) = raw.parse::<i64>() {
                return Ok(i.into());
            }
            if let Ok(u) = raw.parse::<u64>() {
                return Ok(u.into());
            }
        }
        raw.parse::<f64>().ok().and_then(serde_json::Number::from_f64).ok_or_else(|| SyntaxError {
            message: format!("the number {raw} is out of range for a 64-bit float"),
            span: start..self.pos,
        })
    }
}

/// Appends one RFC 6901 segment (escaping `~` and `/`) to a pointer.
pub fn push_segment(pointer: &mut String, key: &str) {
    pointer.push('/');
    for c in key.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

impl Node {
    /// Converts to a `serde_json::Value` (the last of duplicate keys wins, as in the AWS CLI).
    pub fn to_value(&self) -> serde_json::Value {
        use serde_json::Value;
        match &self.kind {
            NodeKind::Null => Value::Null,
            NodeKind::Bool(b) => Value::Bool(*b),
            NodeKind::Number(n) => Value::Number(n.clone()),
            NodeKind::String(s) => Value::String(s.clone()),
            NodeKind::Array(items) => Value::Array(items.iter().map(Node::to_value).collect()),
            NodeKind::Object(members) => {
                let mut map = serde_json::Map::new();
                for m in members {
                    map.insert(m.key.clone(), m.value.to_value());
                }
                Value::Object(map)
            }
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.member(key).map(|m| &m.value)
    }

    /// The last member named `key` (the one that wins).
    pub fn member(&self, key: &str) -> Option<&Member> {
        match &self.kind {
            NodeKind::Object(members) => members.iter().rev().find(|m| m.key == key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::String(s) => Some(s),
            _ => None,
        }
    }

    /// Resolves an RFC 6901 pointer; returns the node and the span of the key that holds it.
    pub fn lookup(&self, pointer: &str) -> Option<(&Node, Option<Span>)> {
        let mut node = self;
        let mut key_span = None;
        if pointer.is_empty() {
            return Some((node, None));
        }
        for raw in pointer.strip_prefix('/')?.split('/') {
            let segment = raw.replace("~1", "/").replace("~0", "~");
            match &node.kind {
                NodeKind::Object(members) => {
                    let m = members.iter().rev().find(|m| m.key == segment)?;
                    key_span = Some(m.key_span.clone());
                    node = &m.value;
                }
                NodeKind::Array(items) => {
                    node = items.get(segment.parse::<usize>().ok()?)?;
                    key_span = None;
                }
                _ => return None,
            }
        }
        Some((node, key_span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> serde_json::Value {
        parse(text, 0).expect("valid JSON").root.to_value()
    }

    fn err(text: &str) -> String {
        parse(text, 0).expect_err("invalid JSON").message
    }

    #[test]
    fn parses_what_serde_json_parses() {
        for text in [
            r#"{"a": [1, -2.5e3, true, false, null, "x\u00e9\ud83d\ude00\n"], "b": {}}"#,
            "[]",
            " 0 ",
            "\"\"",
            r#"{"big": 18446744073709551615, "neg": -9223372036854775808, "f": 1e300}"#,
        ] {
            assert_eq!(ok(text), serde_json::from_str::<serde_json::Value>(text).unwrap());
        }
    }

    #[test]
    fn rejects_json5_and_control_characters() {
        assert!(err(r#"{"a": 1 "b": 2}"#).contains("expected `,` or `}`"));
        assert!(err("{'a': 1}").contains("key in double quotes"));
        assert!(err(r#"{"a": 1,}"#).contains("trailing commas"));
        assert!(err("[1,]").contains("trailing commas"));
        assert!(err("{\"a\": \"x\ty\"}").contains("control characters"));
        assert!(err("// c\n{}").contains("comments"));
        assert!(err("01").contains("leading zeros"));
        assert!(err("1e999").contains("out of range"));
        assert!(err(r#""\ud800""#).contains("surrogate"));
        assert!(err("{} {}").contains("after the end"));
        assert_eq!(err("   "), "the file is empty");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        assert!(err(&text).contains("nests deeper"));
    }

    #[test]
    fn keeps_spans_and_duplicates() {
        let text = r#"{"a": {"b": 1, "b": 2}}"#;
        let parsed = parse(text, 0).unwrap();
        let (node, key) = parsed.root.lookup("/a/b").unwrap();
        assert_eq!(&text[node.span.clone()], "2");
        assert_eq!(&text[key.unwrap()], "\"b\"");
        assert_eq!(parsed.duplicates.len(), 1);
        assert_eq!(parsed.duplicates[0].object_pointer, "/a");
        assert_eq!(&text[parsed.duplicates[0].first.clone()], "\"b\"");
    }

    #[test]
    fn escaped_pointer_segments_resolve() {
        let text = r#"{"a/b": {"c~d": 1}}"#;
        let parsed = parse(text, 0).unwrap();
        assert!(parsed.root.lookup("/a~1b/c~0d").is_some());
    }
}
