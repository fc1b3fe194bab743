//! A YAML parser for CloudFormation templates that yields the same span-keeping tree as
//! [`crate::input::json`], so pointer lookup, span placement and labels work on YAML unchanged.
//!
//! Why events (`saphyr-parser`) rather than a DOM: we need end spans, duplicate keys kept rather
//! than rejected, our own reading of CloudFormation's short-form tags and YAML 1.1 scalars (what
//! cfn-lint's PyYAML loader does), and a nesting bound. The tree is built with an explicit stack,
//! so depth costs heap, never native stack.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser as EventParser, ScalarStyle, ScanError, Span as CharSpan, Tag};

use super::json::{DuplicateKey, MAX_DEPTH, Member, Node, NodeKind, Parsed, Span, SyntaxError, push_segment};

const CORE_TAG_PREFIX: &str = "tag:yaml.org,2002:";

/// Mappings with more keys than this index their keys to find duplicates in constant time.
const LINEAR_KEY_SCAN: usize = 32;

/// Parses the YAML document in `text` starting at byte `start` (past a byte-order mark, for example).
pub fn parse(text: &str, start: usize) -> Result<Parsed, SyntaxError> {
    // PyYAML (cfn-lint) and CloudFormation accept a quoted scalar continued on a line indented no
    // deeper than its key; the YAML 1.2 scanner does not. Such a scalar is retried with its line
    // breaks as spaces: the same byte length, so every span stays right, and only the folding of
    // whitespace inside that one string differs.
    let mut relaxed: Option<String> = None;
    for _ in 0..MAX_RELAXED_SCALARS {
        let current = relaxed.as_deref().unwrap_or(text);
        match parse_strict(current, start) {
            Err(e) if e.message.ends_with("invalid indentation in quoted scalar") => {
                match unfold_quoted(current, e.span.start) {
                    Some(unfolded) => relaxed = Some(unfolded),
                    None => return Err(e),
                }
            }
            other => return other,
        }
    }
    parse_strict(relaxed.as_deref().unwrap_or(text), start)
}

/// How many under-indented quoted scalars one file may have before the error stands.
const MAX_RELAXED_SCALARS: usize = 64;

/// `text` with the line breaks of the quoted scalar opening at byte `at` replaced by spaces.
fn unfold_quoted(text: &str, at: usize) -> Option<String> {
    let bytes = text.as_bytes();
    let quote = *bytes.get(at).filter(|q| matches!(q, b'\'' | b'"'))?;
    let mut out = bytes.to_vec();
    let mut i = at + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' if quote == b'"' => i += 1,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 1,
            b if b == quote => return String::from_utf8(out).ok(),
            b'\n' | b'\r' => out[i] = b' ',
            _ => {}
        }
        i += 1;
    }
    None
}

fn parse_strict(text: &str, start: usize) -> Result<Parsed, SyntaxError> {
    let start = start.min(text.len());
    let body = text.get(start..).unwrap_or("");
    let mut builder = Builder {
        text,
        offsets: Offsets::new(body, start),
        stack: Vec::new(),
        root: None,
        duplicates: Vec::new(),
        prev_end: start,
        empty_root: false,
    };
    let mut events = EventParser::new_from_str(body);
    let mut seen_document = false;
    loop {
        let (event, span) = match events.next_event() {
            None => break,
            Some(Ok(pair)) => pair,
            Some(Err(e)) => return Err(builder.scan_error(&e)),
        };
        match event {
            Event::StreamEnd => break,
            Event::StreamStart | Event::Nothing | Event::DocumentEnd => {}
            Event::DocumentStart(_) if seen_document => {
                return Err(SyntaxError {
                    message: "a CloudFormation template is one YAML document; found a second `---` document".into(),
                    span: builder.span(span),
                });
            }
            Event::DocumentStart(_) => seen_document = true,
            other => builder.event(other, span)?,
        }
    }
    match builder.root {
        Some(root) if !builder.empty_root => Ok(Parsed { root, duplicates: builder.duplicates }),
        _ => Err(SyntaxError { message: "the file is empty".into(), span: start..start }),
    }
}

/// Maps saphyr's character indices to byte offsets into the whole text.
struct Offsets {
    start: usize,
    len: usize,
    /// Byte offset of each character (and of the end); only built for non-ASCII text.
    table: Option<Vec<usize>>,
}

impl Offsets {
    fn new(body: &str, start: usize) -> Self {
        let table = (!body.is_ascii())
            .then(|| body.char_indices().map(|(b, _)| start + b).chain([start + body.len()]).collect());
        Offsets { start, len: body.len(), table }
    }

    fn byte(&self, char_index: usize) -> usize {
        match &self.table {
            None => self.start + char_index.min(self.len),
            Some(table) => table[char_index.min(table.len() - 1)],
        }
    }
}

/// A CloudFormation short-form tag, to be wrapped around the node it tags.
struct Intrinsic {
    key: String,
    tag_span: Span,
}

enum Items {
    Seq(Vec<Node>),
    Map {
        members: Vec<Member>,
        /// The key waiting for its value.
        key: Option<(String, Span)>,
        /// Key → index of its first member, built once the mapping is large.
        index: Option<HashMap<String, usize>>,
    },
}

/// A collection being built.
struct Frame {
    items: Items,
    /// Byte where the collection itself starts (after its tag, if any).
    start: usize,
    /// Byte where its last finished child ends.
    last_end: usize,
    intrinsic: Option<Intrinsic>,
    /// Tree depth of the collection node (the intrinsic wrapper, if any, is one level above).
    depth: usize,
}

struct Builder<'a> {
    text: &'a str,
    offsets: Offsets,
    stack: Vec<Frame>,
    root: Option<Node>,
    duplicates: Vec<DuplicateKey>,
    /// Byte where the previous event ended (to find a block scalar's `|` or `>` header).
    prev_end: usize,
    /// The document is a bare `---`: an empty plain scalar and nothing else.
    empty_root: bool,
}

/// How a tag changes the node it is on.
enum TagMeaning {
    None,
    /// `!X`: a CloudFormation intrinsic function in short form.
    Intrinsic(String),
    /// `!!str`, `!!int`…: the YAML core-schema type named.
    Core(String),
    /// The non-specific `!` tag: a scalar stays a string.
    NonSpecific,
}

fn tag_meaning(tag: Option<&Tag>) -> TagMeaning {
    let Some(tag) = tag else { return TagMeaning::None };
    let full = format!("{}{}", tag.handle, tag.suffix);
    if let Some(core) = full.strip_prefix(CORE_TAG_PREFIX) {
        TagMeaning::Core(core.to_string())
    } else if full == "!" {
        TagMeaning::NonSpecific
    } else if let Some(name) = full.strip_prefix('!').filter(|n| !n.is_empty() && !n.starts_with('!')) {
        // cfn-lint: every `!X` is `Fn::X`, except `Ref` and `Condition` which have no prefix.
        let key = if name == "Ref" || name == "Condition" { name.to_string() } else { format!("Fn::{name}") };
        TagMeaning::Intrinsic(key)
    } else {
        TagMeaning::None
    }
}

impl Builder<'_> {
    fn span(&self, span: CharSpan) -> Span {
        self.offsets.byte(span.start.index())..self.offsets.byte(span.end.index())
    }

    fn scan_error(&self, e: &ScanError) -> SyntaxError {
        let at = self.offsets.byte(e.marker().index());
        let len = self.text[at..].chars().next().map_or(0, char::len_utf8);
        let info = e.info().trim();
        let message = match info {
            // saphyr caps flow nesting at 255 levels, just under our own bound.
            "recursion limit exceeded" => format!("the document nests deeper than {MAX_DEPTH} levels"),
            "" => "malformed YAML".to_string(),
            _ => format!("malformed YAML: {info}"),
        };
        SyntaxError { message, span: at..at + len }
    }

    /// Depth that a node starting now would have.
    fn child_depth(&self) -> usize {
        self.stack.last().map_or(0, |f| f.depth + 1)
    }

    fn too_deep(&self, at: usize) -> SyntaxError {
        SyntaxError { message: format!("the document nests deeper than {MAX_DEPTH} levels"), span: self.char_at(at) }
    }

    fn char_at(&self, at: usize) -> Span {
        let len = self.text.get(at..).and_then(|s| s.chars().next()).map_or(0, char::len_utf8);
        at..at + len
    }

    fn event(&mut self, event: Event<'_>, span: CharSpan) -> Result<(), SyntaxError> {
        let span = self.span(span);
        let result = match event {
            Event::Alias(_) => Err(self.no_anchors(span.clone(), "aliases (`*name`)")),
            Event::Scalar(_, _, anchor, _) | Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _)
                if anchor != 0 =>
            {
                Err(self.no_anchors(span.clone(), "anchors (`&name`)"))
            }
            Event::Scalar(value, style, _, tag) => self.scalar(&value, style, tag.as_deref(), span.clone()),
            Event::SequenceStart(_, tag) => self.open(Items::Seq(Vec::new()), tag.as_deref(), span.clone()),
            Event::MappingStart(_, tag) => {
                let items = Items::Map { members: Vec::new(), key: None, index: None };
                self.open(items, tag.as_deref(), span.clone())
            }
            Event::SequenceEnd | Event::MappingEnd => self.close(span.clone()),
            _ => Ok(()),
        };
        self.prev_end = span.end.max(self.prev_end);
        result
    }

    fn no_anchors(&self, span: Span, what: &str) -> SyntaxError {
        let end = token_end(self.text, span.start, span.end);
        SyntaxError {
            message: format!("YAML {what} are not allowed: CloudFormation rejects anchors, aliases and merge keys"),
            span: span.start..end.max(span.start),
        }
    }

    /// Splits a tagged node's span into the tag's span and the byte where the value starts.
    fn split_tag(&self, span: &Span) -> (Span, usize) {
        let tag_end = token_end(self.text, span.start, span.end);
        let value_start = skip_blank(self.text, tag_end, span.end);
        (span.start..tag_end, value_start)
    }

    fn awaiting_key(&self) -> bool {
        matches!(self.stack.last(), Some(Frame { items: Items::Map { key: None, .. }, .. }))
    }

    fn scalar(&mut self, value: &str, style: ScalarStyle, tag: Option<&Tag>, span: Span) -> Result<(), SyntaxError> {
        let meaning = tag_meaning(tag);
        let depth = self.child_depth() + usize::from(matches!(meaning, TagMeaning::Intrinsic(_)));
        if depth >= MAX_DEPTH {
            return Err(self.too_deep(span.start));
        }
        let (tag_span, mut value_span) = if tag.is_some() {
            let (tag_span, value_start) = self.split_tag(&span);
            (Some(tag_span), value_start.min(span.end)..span.end)
        } else {
            (None, span.clone())
        };
        if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
            value_span = self.block_scalar_span(value_span, tag_span.is_some());
        }
        let plain = style == ScalarStyle::Plain;
        self.empty_root = self.stack.is_empty() && plain && tag.is_none() && value.is_empty();
        if plain && tag.is_none() && value == "<<" && self.awaiting_key() {
            return Err(SyntaxError {
                message:
                    "YAML merge keys (`<<`) are not allowed: CloudFormation rejects anchors, aliases and merge keys"
                        .into(),
                span,
            });
        }
        let node = match meaning {
            TagMeaning::Intrinsic(key) => {
                let tag_span = tag_span.unwrap_or(span.start..span.start);
                // Short-form intrinsics take their scalar as a string, whatever it looks like.
                let inner = if key == "Fn::GetAtt" {
                    self.split_getatt(value, style, value_span)
                } else {
                    Node { span: value_span, kind: NodeKind::String(value.to_string()) }
                };
                wrap(Intrinsic { key, tag_span }, inner)
            }
            TagMeaning::Core(core) => Node { span: span.clone(), kind: core_scalar(&core, value, plain) },
            TagMeaning::NonSpecific => Node { span: span.clone(), kind: NodeKind::String(value.to_string()) },
            TagMeaning::None if plain => Node { span: value_span, kind: plain_scalar(value) },
            TagMeaning::None => Node { span: value_span, kind: NodeKind::String(value.to_string()) },
        };
        self.finish(node)
    }

    /// saphyr starts a block scalar's span at its content; start it at the `|` or `>` header
    /// instead and drop the trailing line breaks, so a label covers what the user wrote.
    fn block_scalar_span(&self, span: Span, tagged: bool) -> Span {
        let bytes = self.text.as_bytes();
        let mut start = span.start;
        if !tagged {
            let mut i = self.prev_end.min(span.start);
            while i < span.start {
                match bytes[i] {
                    b'|' | b'>' => {
                        start = i;
                        break;
                    }
                    b'#' => i = line_end(bytes, i, span.start),
                    _ => i += 1,
                }
            }
        }
        let mut end = span.end;
        while end > start && bytes[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        start..end
    }

    /// `!GetAtt A.B.C` is `["A", "B.C"]` (split at the first dot, as cfn-lint does).
    fn split_getatt(&self, value: &str, style: ScalarStyle, span: Span) -> Node {
        // Pieces get their own spans when the source spells the value verbatim (no escapes).
        let quoted = matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted);
        let inner = if quoted && span.len() >= 2 { span.start + 1..span.end - 1 } else { span.clone() };
        let verbatim = self.text.get(inner.clone()) == Some(value);
        let piece = |from: usize, to: usize| if verbatim { inner.start + from..inner.start + to } else { span.clone() };
        let items = match value.split_once('.') {
            Some((resource, attribute)) => vec![
                Node { span: piece(0, resource.len()), kind: NodeKind::String(resource.to_string()) },
                Node { span: piece(resource.len() + 1, value.len()), kind: NodeKind::String(attribute.to_string()) },
            ],
            None => vec![Node { span: piece(0, value.len()), kind: NodeKind::String(value.to_string()) }],
        };
        Node { span, kind: NodeKind::Array(items) }
    }

    fn open(&mut self, items: Items, tag: Option<&Tag>, span: Span) -> Result<(), SyntaxError> {
        let (intrinsic, start) = match tag_meaning(tag) {
            TagMeaning::Intrinsic(key) => {
                let (tag_span, value_start) = self.split_tag(&span);
                (Some(Intrinsic { key, tag_span }), value_start)
            }
            _ if tag.is_some() => (None, self.split_tag(&span).1),
            _ => (None, span.start),
        };
        let depth = self.child_depth() + usize::from(intrinsic.is_some());
        if depth >= MAX_DEPTH {
            return Err(self.too_deep(span.start));
        }
        self.stack.push(Frame { items, start, last_end: span.end.max(start), intrinsic, depth });
        Ok(())
    }

    fn close(&mut self, span: Span) -> Result<(), SyntaxError> {
        let Some(frame) = self.stack.pop() else { return Ok(()) };
        // A flow collection's end event covers its `]` or `}`; a block one's is empty and may
        // sit past trailing comments, so the last child ends the collection instead.
        let end = if span.is_empty() { frame.last_end } else { span.end };
        let kind = match frame.items {
            Items::Seq(items) => NodeKind::Array(items),
            Items::Map { members, .. } => NodeKind::Object(members),
        };
        let node = Node { span: frame.start..end.max(frame.start), kind };
        let node = match frame.intrinsic {
            Some(intrinsic) => wrap(intrinsic, node),
            None => node,
        };
        self.finish(node)
    }

    /// Hands a finished node to the collection that holds it (or makes it the root).
    fn finish(&mut self, node: Node) -> Result<(), SyntaxError> {
        let pointer = if self.pending_duplicate() { Some(self.map_pointer()) } else { None };
        let Some(frame) = self.stack.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        frame.last_end = frame.last_end.max(node.span.end);
        match &mut frame.items {
            Items::Seq(items) => items.push(node),
            Items::Map { key: slot @ None, .. } => {
                let key = match &node.kind {
                    NodeKind::String(s) => s.clone(),
                    NodeKind::Null if node.span.is_empty() => String::new(),
                    _ => key_text(self.text, &node),
                };
                *slot = Some((key, node.span));
            }
            Items::Map { members, key: slot @ Some(_), index } => {
                let Some((key, key_span)) = slot.take() else { return Ok(()) };
                let first = match index {
                    Some(index) => index.get(&key).copied(),
                    None => members.iter().position(|m| m.key == key),
                };
                if let (Some(first), Some(object_pointer)) = (first, pointer) {
                    self.duplicates.push(DuplicateKey {
                        object_pointer,
                        key: key.clone(),
                        first: members[first].key_span.clone(),
                        second: key_span.clone(),
                    });
                }
                if let Some(index) = index {
                    index.entry(key.clone()).or_insert(members.len());
                } else if members.len() >= LINEAR_KEY_SCAN {
                    let mut map = HashMap::new();
                    for (i, m) in members.iter().enumerate() {
                        map.entry(m.key.clone()).or_insert(i);
                    }
                    map.entry(key.clone()).or_insert(members.len());
                    *index = Some(map);
                }
                // Both members stay, as in json.rs: lookups take the last one.
                members.push(Member { key, key_span, value: node });
            }
        }
        Ok(())
    }

    /// Whether finishing `node` completes a member whose key the mapping already has.
    fn pending_duplicate(&self) -> bool {
        match self.stack.last() {
            Some(Frame { items: Items::Map { members, key: Some((key, _)), index }, .. }) => match index {
                Some(index) => index.contains_key(key),
                None => members.iter().any(|m| &m.key == key),
            },
            _ => false,
        }
    }

    /// RFC 6901 pointer of the innermost open mapping.
    fn map_pointer(&self) -> String {
        let mut pointer = String::new();
        for (i, frame) in self.stack.iter().enumerate() {
            if i > 0 {
                match &self.stack[i - 1].items {
                    Items::Seq(items) => {
                        pointer.push('/');
                        pointer.push_str(&items.len().to_string());
                    }
                    Items::Map { key: Some((key, _)), .. } => push_segment(&mut pointer, key),
                    // Inside a complex key: it has no pointer of its own.
                    Items::Map { key: None, .. } => {}
                }
            }
            if let Some(intrinsic) = &frame.intrinsic {
                push_segment(&mut pointer, &intrinsic.key);
            }
        }
        pointer
    }
}

/// `{"Fn::X": node}`, the long form of a short-form tag; it spans tag and value.
fn wrap(intrinsic: Intrinsic, node: Node) -> Node {
    let span = intrinsic.tag_span.start..node.span.end.max(intrinsic.tag_span.end);
    Node {
        span,
        kind: NodeKind::Object(vec![Member { key: intrinsic.key, key_span: intrinsic.tag_span, value: node }]),
    }
}

/// A mapping key that is not a string: plain scalars keep their source text (`1`, `true`),
/// collections and intrinsics become compact JSON.
fn key_text(text: &str, node: &Node) -> String {
    match &node.kind {
        NodeKind::Null | NodeKind::Bool(_) | NodeKind::Number(_) => {
            text.get(node.span.clone()).unwrap_or_default().to_string()
        }
        _ => node.to_value().to_string(),
    }
}

/// End of a tag or anchor token that starts at `from` (bounded by `limit`).
fn token_end(text: &str, from: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let limit = limit.min(bytes.len());
    if bytes.get(from..from + 2) == Some(b"!<") {
        // A verbatim tag may hold commas: it ends at its `>`.
        return bytes[from..limit].iter().position(|&b| b == b'>').map_or(limit, |p| from + p + 1);
    }
    let mut i = from;
    while i < limit && !matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n' | b',' | b'[' | b']' | b'{' | b'}') {
        i += 1;
    }
    i
}

/// Skips spaces, line breaks and comments from `from` (bounded by `limit`).
fn skip_blank(text: &str, from: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let limit = limit.min(bytes.len());
    let mut i = from;
    while i < limit {
        match bytes[i] {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'#' => i = line_end(bytes, i, limit),
            _ => break,
        }
    }
    i
}

fn line_end(bytes: &[u8], from: usize, limit: usize) -> usize {
    bytes[from..limit].iter().position(|&b| b == b'\n').map_or(limit, |p| from + p)
}

/// An untagged plain scalar, read the way cfn-lint's YAML 1.1 loader reads it where that matters
/// to CloudFormation: the YAML 1.1 booleans (`yes`, `On`…), nulls, decimal integers and floats.
///
/// PyYAML also reads `0755` and `0x1F` as integers, `1_000` as 1000, `1:30` as 90 and
/// `2024-01-01` as a date; we keep all of those as strings. CloudFormation coerces strings and
/// numbers both ways for typed properties, so nothing is lost, and the user's spelling survives
/// into messages (a file mode `0755` stays `0755`, not 493).
fn plain_scalar(value: &str) -> NodeKind {
    match value {
        "" | "~" | "null" | "Null" | "NULL" => NodeKind::Null,
        "true" | "True" | "TRUE" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" => NodeKind::Bool(true),
        "false" | "False" | "FALSE" | "no" | "No" | "NO" | "off" | "Off" | "OFF" => NodeKind::Bool(false),
        _ => number(value).map_or_else(|| NodeKind::String(value.to_string()), NodeKind::Number),
    }
}

/// A decimal integer (no leading zeros) or a float with a decimal point, as a JSON number.
/// Like PyYAML, `1e3` (no point) is a string; unlike it, `1.0e3` (unsigned exponent) is a number.
/// Integers beyond 64 bits and out-of-range floats give `None` (they stay strings, losslessly).
fn number(value: &str) -> Option<serde_json::Number> {
    let unsigned = value.strip_prefix(['-', '+']).unwrap_or(value);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(unsigned) {
        if unsigned.len() > 1 && unsigned.starts_with('0') {
            return None;
        }
        let trimmed = value.strip_prefix('+').unwrap_or(value);
        if let Ok(i) = trimmed.parse::<i64>() {
            return Some(i.into());
        }
        return trimmed.parse::<u64>().ok().map(Into::into);
    }
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.')?;
    let well_formed = (digits(whole) || (whole.is_empty() && digits(fraction)))
        && (fraction.is_empty() || digits(fraction))
        && exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e)));
    if !well_formed {
        return None;
    }
    value.parse::<f64>().ok().and_then(serde_json::Number::from_f64)
}

/// A scalar under a `!!type` tag: the type wins when the text fits it, else it stays a string.
fn core_scalar(core: &str, value: &str, plain: bool) -> NodeKind {
    let string = || NodeKind::String(value.to_string());
    match core {
        "null" => NodeKind::Null,
        "bool" => match plain_scalar(value) {
            kind @ NodeKind::Bool(_) => kind,
            _ => string(),
        },
        "int" | "float" => number(value).map_or_else(string, NodeKind::Number),
        "str" => string(),
        _ if plain => plain_scalar(value),
        _ => string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ok(text: &str) -> serde_json::Value {
        parse(text, 0).unwrap_or_else(|e| panic!("{text:?}: {e:?}")).root.to_value()
    }

    fn err(text: &str) -> SyntaxError {
        parse(text, 0).expect_err("invalid template")
    }

    /// The source text of the node at `pointer` and of its key.
    fn at<'t>(text: &'t str, parsed: &Parsed, pointer: &str) -> (&'t str, Option<&'t str>) {
        let (node, key) = parsed.root.lookup(pointer).unwrap_or_else(|| panic!("no {pointer}"));
        (&text[node.span.clone()], key.map(|k| &text[k]))
    }

    #[test]
    fn accepts_quoted_scalars_continued_at_the_key_indentation() {
        let text = "License:\n  Description: 'Copyright 2017.\n  SPDX: MIT-0'\nResources: {}\n";
        let parsed = parse(text, 0).expect("PyYAML and CloudFormation accept it");
        let description = parsed.root.get("License").and_then(|l| l.get("Description")).unwrap();
        assert_eq!(description.as_str(), Some("Copyright 2017.   SPDX: MIT-0"));
        assert_eq!(&text[description.span.clone()], "'Copyright 2017.\n  SPDX: MIT-0'");
        assert!(parse("a: 'open\nb: c\n", 0).is_err());
    }

    #[test]
    fn spans_are_bytes_in_ascii_and_non_ascii_text() {
        for text in ["Name: x\nKey: 'value'\n", "Name: é\nKey: 'value'\n", "é: ü\n\"Key\": \"value\"\n"] {
            let parsed = parse(text, 0).unwrap();
            let key = parsed.root.member("Key").unwrap();
            assert!(matches!(&text[key.key_span.clone()], "Key" | "\"Key\""), "{text:?}");
            assert!(matches!(&text[key.value.span.clone()], "'value'" | "\"value\""), "{text:?}");
        }
        let text = "a:\n  b: [1, {c: d}]\n  e:\n    - f\n    - g\n";
        let parsed = parse(text, 0).unwrap();
        assert_eq!(at(text, &parsed, "/a/b"), ("[1, {c: d}]", Some("b")));
        assert_eq!(at(text, &parsed, "/a/b/1"), ("{c: d}", None));
        assert_eq!(at(text, &parsed, "/a/e"), ("- f\n    - g", Some("e")));
        assert_eq!(at(text, &parsed, "/a"), ("b: [1, {c: d}]\n  e:\n    - f\n    - g", Some("a")));
        assert_eq!(&text[parsed.root.span.clone()], text.trim_end());
    }

    #[test]
    fn start_offset_skips_a_bom() {
        let text = "\u{feff}A: é\nB: 1\n";
        let parsed = parse(text, 3).unwrap();
        assert_eq!(at(text, &parsed, "/B"), ("1", Some("B")));
        assert_eq!(parsed.root.span.start, 3);
    }

    #[test]
    fn crlf_files_keep_spans() {
        let text = "A: 1\r\nB: !Ref X\r\nC: |\r\n  line1\r\n  line2\r\n";
        let parsed = parse(text, 0).unwrap();
        assert_eq!(at(text, &parsed, "/B"), ("!Ref X", Some("B")));
        assert_eq!(at(text, &parsed, "/B/Ref"), ("X", Some("!Ref")));
        assert_eq!(parsed.root.to_value()["C"], json!("line1\nline2\n"));
        assert_eq!(at(text, &parsed, "/C").0, "|\r\n  line1\r\n  line2");
    }

    #[test]
    fn short_form_tags_become_long_form() {
        assert_eq!(ok("A: !Ref X"), json!({"A": {"Ref": "X"}}));
        assert_eq!(ok("A: !Condition C"), json!({"A": {"Condition": "C"}}));
        assert_eq!(ok("A: !Sub 'arn:${X}'"), json!({"A": {"Fn::Sub": "arn:${X}"}}));
        assert_eq!(ok("A: !Base64 123"), json!({"A": {"Fn::Base64": "123"}}));
        assert_eq!(ok("A: !GetAtt A.B"), json!({"A": {"Fn::GetAtt": ["A", "B"]}}));
        assert_eq!(ok("A: !GetAtt A.B.C"), json!({"A": {"Fn::GetAtt": ["A", "B.C"]}}));
        assert_eq!(ok("A: !GetAtt [A, B]"), json!({"A": {"Fn::GetAtt": ["A", "B"]}}));
        assert_eq!(
            ok("A: !Join ['', [!Ref A, !Sub '${B}']]"),
            json!({"A": {"Fn::Join": ["", [{"Ref": "A"}, {"Fn::Sub": "${B}"}]]}})
        );
        assert_eq!(
            ok("A: !If [Cond, !Ref A, !Ref AWS::NoValue]"),
            json!({"A": {"Fn::If": ["Cond", {"Ref": "A"}, {"Ref": "AWS::NoValue"}]}})
        );
        assert_eq!(
            ok("A: !Split\n  - ','\n  - !ImportValue\n      Fn::Sub: ${S}-ids\n"),
            json!({"A": {"Fn::Split": [",", {"Fn::ImportValue": {"Fn::Sub": "${S}-ids"}}]}})
        );
        assert_eq!(ok("A: !Ref\nB: 1"), json!({"A": {"Ref": ""}, "B": 1}));
        assert_eq!(ok("!Ref K: v"), json!({"{\"Ref\":\"K\"}": "v"}));
    }

    #[test]
    fn tag_spans() {
        let text = "A: !Join ['', [!Ref A, !Sub '${B}']]\nB: !GetAtt Role.Arn\nC: !If\n  - Cond\n  - x\n";
        let parsed = parse(text, 0).unwrap();
        assert_eq!(at(text, &parsed, "/A"), ("!Join ['', [!Ref A, !Sub '${B}']]", Some("A")));
        assert_eq!(at(text, &parsed, "/A/Fn::Join"), ("['', [!Ref A, !Sub '${B}']]", Some("!Join")));
        assert_eq!(at(text, &parsed, "/A/Fn::Join/1/0/Ref"), ("A", Some("!Ref")));
        assert_eq!(at(text, &parsed, "/A/Fn::Join/1/1"), ("!Sub '${B}'", None));
        assert_eq!(at(text, &parsed, "/A/Fn::Join/1/1/Fn::Sub"), ("'${B}'", Some("!Sub")));
        assert_eq!(at(text, &parsed, "/B/Fn::GetAtt"), ("Role.Arn", Some("!GetAtt")));
        assert_eq!(at(text, &parsed, "/B/Fn::GetAtt/0"), ("Role", None));
        assert_eq!(at(text, &parsed, "/B/Fn::GetAtt/1"), ("Arn", None));
        assert_eq!(at(text, &parsed, "/C/Fn::If"), ("- Cond\n  - x", Some("!If")));
        assert_eq!(at(text, &parsed, "/C"), ("!If\n  - Cond\n  - x", Some("C")));
    }

    #[test]
    fn core_tags_apply_their_yaml_meaning() {
        assert_eq!(
            ok("a: !!str 12\nb: !!int '7'\nc: !!bool yes\nd: !!null x\ne: !<tag:yaml.org,2002:str> true\nf: ! 5"),
            json!({"a": "12", "b": 7, "c": true, "d": null, "e": "true", "f": "5"})
        );
        assert_eq!(ok("a: !!map {b: !!seq [1]}"), json!({"a": {"b": [1]}}));
        assert_eq!(ok("a: !<!Ref> X"), json!({"a": {"Ref": "X"}}));
    }

    #[test]
    fn block_scalars() {
        let text = "A: |\n  one\n  two\nB: >-\n  folded\n  text\n\nC: !Sub |  # keep\n  ${X}\n";
        let parsed = parse(text, 0).unwrap();
        assert_eq!(parsed.root.to_value(), json!({"A": "one\ntwo\n", "B": "folded text", "C": {"Fn::Sub": "${X}\n"}}));
        assert_eq!(at(text, &parsed, "/A").0, "|\n  one\n  two");
        assert_eq!(at(text, &parsed, "/B").0, ">-\n  folded\n  text");
        assert_eq!(at(text, &parsed, "/C").0, "!Sub |  # keep\n  ${X}");
    }

    #[test]
    fn flow_collections_include_their_brackets() {
        let text = "A: {b: [1, 2], c: {}}\nB: []\n";
        let parsed = parse(text, 0).unwrap();
        assert_eq!(parsed.root.to_value(), json!({"A": {"b": [1, 2], "c": {}}, "B": []}));
        assert_eq!(at(text, &parsed, "/A").0, "{b: [1, 2], c: {}}");
        assert_eq!(at(text, &parsed, "/A/b").0, "[1, 2]");
        assert_eq!(at(text, &parsed, "/A/c").0, "{}");
        assert_eq!(at(text, &parsed, "/B").0, "[]");
    }

    #[test]
    fn scalars_read_like_cfn_lint() {
        let text = "a: yes\nb: No\nc: ON\nd: off\ne: True\nf: FALSE\ng: ~\nh: null\ni:\nj: 42\nk: -7\nl: 1.5\nm: .5\n\
                    n: 0755\no: 1.2.3\np: 2024-01-01\nq: 0x1F\nr: '42'\ns: \"true\"\nt: 18446744073709551615\n\
                    u: 99999999999999999999\nv: 1.0e999\nw: y\nx: 1_000\ny: 1e3\nz: +3\nza: 1.\nzb: -.5\nzc: 2.5e-3\nzd: 1.0E+2";
        assert_eq!(
            ok(text),
            json!({"a": true, "b": false, "c": true, "d": false, "e": true, "f": false, "g": null, "h": null,
                   "i": null, "j": 42, "k": -7, "l": 1.5, "m": 0.5, "n": "0755", "o": "1.2.3", "p": "2024-01-01",
                   "q": "0x1F", "r": "42", "s": "true", "t": 18446744073709551615u64, "u": "99999999999999999999",
                   "v": "1.0e999", "w": "y", "x": "1_000", "y": "1e3", "z": 3, "za": 1.0, "zb": -0.5, "zc": 0.0025, "zd": 100.0})
        );
    }

    #[test]
    fn non_string_keys_are_stringified() {
        assert_eq!(
            ok("1: a\ntrue: b\n~: c\n? [x, y]\n: d\n1.50: e"),
            json!({"1": "a", "true": "b", "~": "c", "[\"x\",\"y\"]": "d", "1.50": "e"})
        );
    }

    #[test]
    fn duplicates_are_recorded_and_the_last_wins() {
        let text = "Resources:\n  Task:\n    Type: A\n    Type: B\n  List:\n    - !If\n      - {x: 1, x: 2}\n";
        let parsed = parse(text, 0).unwrap();
        assert_eq!(parsed.root.to_value()["Resources"]["Task"]["Type"], json!("B"));
        assert_eq!(parsed.duplicates.len(), 2);
        let d = &parsed.duplicates[0];
        assert_eq!((d.object_pointer.as_str(), d.key.as_str()), ("/Resources/Task", "Type"));
        assert_eq!((d.first.start, d.second.start), (text.find("Type: A").unwrap(), text.find("Type: B").unwrap()));
        assert_eq!(parsed.duplicates[1].object_pointer, "/Resources/List/0/Fn::If/0");
        let many: String = (0..100).map(|i| format!("k{i}: {i}\n")).collect::<String>() + "k7: again\n";
        let parsed = parse(&many, 0).unwrap();
        assert_eq!(parsed.duplicates.len(), 1);
        assert_eq!(parsed.root.get("k7").unwrap().as_str(), Some("again"));
    }

    #[test]
    fn malformed_yaml_is_a_syntax_error_with_a_byte_span() {
        let text = "é: [1, 2\n";
        let e = err(text);
        assert!(e.message.starts_with("malformed YAML: "), "{}", e.message);
        assert!(text.is_char_boundary(e.span.start) && e.span.end <= text.len());
        assert!(err("a: b: c").message.contains("mapping values are not allowed"));
        assert!(err("a: \"x").message.contains("quoted scalar"));
        assert!(err("a:\n  - b\n c: d").message.starts_with("malformed YAML"));
    }

    #[test]
    fn empty_files_are_errors() {
        for text in ["", "   \n\n", "# just a comment\n", "---\n", "---\n...\n"] {
            assert_eq!(err(text).message, "the file is empty", "{text:?}");
        }
    }

    #[test]
    fn one_document_only() {
        let text = "a: 1\n---\nb: 2\n";
        let e = err(text);
        assert!(e.message.contains("one YAML document"));
        assert_eq!(&text[e.span], "---");
        assert!(err("a: 1\n---\n").message.contains("one YAML document"));
        assert_eq!(ok("---\na: 1\n...\n"), json!({"a": 1}));
    }

    #[test]
    fn anchors_aliases_and_merge_keys_are_rejected() {
        let text = "a: &x 1\nb: *x\n";
        let e = err(text);
        assert!(e.message.contains("CloudFormation rejects"), "{}", e.message);
        assert_eq!(&text[e.span], "&x");
        assert!(err("a: &x {b: 1}").message.contains("anchors"));
        assert!(err("a: [&x 1]").message.contains("anchors"));
        assert!(err("<<: {a: 1}").message.contains("merge keys"));
        assert_eq!(ok("'<<': 1\na: <<"), json!({"<<": 1, "a": "<<"}));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        for text in ["[".repeat(100_000), "- ".repeat(100_000), "{a: ".repeat(100_000), "!If [".repeat(100_000)] {
            let e = err(&text);
            assert!(e.message.contains("nests deeper"), "{}: {}", &text[..6], e.message);
        }
        let nested = "a:\n".to_string()
            + &(1..200).map(|i| format!("{}b{i}:\n", "  ".repeat(i))).collect::<String>()
            + &"  ".repeat(200)
            + "x";
        assert!(parse(&nested, 0).is_ok());
    }

    /// Corpus templates from the shared folder, when it is there: none may panic, nearly all parse.
    #[test]
    fn corpus_templates_parse() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/cloudformation"));
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        let (mut total, mut parsed) = (0, 0);
        let mut failures = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            if !path.extension().is_some_and(|e| e == "yaml" || e == "yml" || e == "json") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
            total += 1;
            match parse(&text, start) {
                Ok(_) => parsed += 1,
                Err(e) => failures.push(format!("{}: {}", path.display(), e.message)),
            }
        }
        eprintln!("corpus: {parsed}/{total} parse; failures: {failures:#?}");
        assert!(parsed * 100 >= total * 95, "only {parsed}/{total} parse: {failures:#?}");
    }

    /// The corpus holds templates published both as YAML and as JSON: both must give one tree.
    #[test]
    fn corpus_yaml_twins_equal_their_json() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/cloudformation"));
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        let (mut differ, mut compared) = (Vec::new(), 0);
        for path in entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "json")) {
            let twin = path.with_extension("yaml");
            let (Ok(json_text), Ok(yaml_text)) = (std::fs::read_to_string(&path), std::fs::read_to_string(&twin))
            else {
                continue;
            };
            let Ok(from_json) = crate::input::json::parse(&json_text, 0) else { continue };
            let from_yaml = parse(&yaml_text, 0).expect("twin parses").root.to_value();
            compared += 1;
            if from_yaml != from_json.root.to_value() {
                differ.push(twin.display().to_string());
            }
        }
        eprintln!("corpus: {compared} YAML/JSON twins compared");
        assert!(differ.is_empty(), "YAML differs from its JSON twin: {differ:#?}");
    }
}
