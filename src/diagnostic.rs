//! A diagnostic as plain data: placed in a file, with positions, ready for any output format.

use crate::input::json::Span;
use crate::rule::{RuleMeta, Severity};
use crate::source::Position;
use std::cmp::Ordering;

#[derive(Debug, Clone)]
pub struct SpanLabel {
    pub span: Span,
    pub message: String,
}

/// A location in another file that the finding is about (the other half of a service and its
/// task definition).
#[derive(Debug, Clone)]
pub struct Related {
    pub file: String,
    pub pointer: String,
    pub span: Span,
    pub start: Position,
    pub end: Position,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Path as shown to the user (relative to the working directory when possible).
    pub file: String,
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// RFC 6901 pointer into the document as written.
    pub pointer: String,
    /// Primary span; `None` for file-level problems (unreadable, empty).
    pub span: Option<Span>,
    pub label: Option<String>,
    pub labels: Vec<SpanLabel>,
    /// Locations in other files.
    pub related: Vec<Related>,
    pub start: Position,
    pub end: Position,
    /// `--fix` can repair this one.
    pub fixable: bool,
    /// Bytes holding a secret, masked wherever the source is shown.
    pub secret_span: Option<Span>,
    pub cost: Option<crate::context::Cost>,
    /// Where the finding is in the resource, independent of formatting (suppressions, baseline).
    pub scope: Option<Scope>,
}

/// The semantic location of a finding: never line numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// Task-definition family or service name.
    pub resource: Option<String>,
    /// The container the finding is in.
    pub container: Option<String>,
    /// The canonical pointer with the container index replaced by the container's name.
    pub path: String,
    /// FNV-1a of the JSON value at the pointer (0 when absent).
    pub value_hash: u64,
}

impl Diagnostic {
    /// A file-level diagnostic without a span.
    pub fn file_level(file: &str, rule: &'static RuleMeta, message: impl Into<String>) -> Self {
        let origin = Position { line: 1, column: 1 };
        Self {
            file: file.to_string(),
            rule,
            severity: rule.severity,
            message: message.into(),
            help: None,
            pointer: String::new(),
            span: None,
            label: None,
            labels: Vec::new(),
            related: Vec::new(),
            start: origin,
            end: origin,
            fixable: false,
            secret_span: None,
            cost: None,
            scope: None,
        }
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Total order for deterministic output: file, position, code, message.
    pub fn sort_key_cmp(&self, other: &Self) -> Ordering {
        (&self.file, self.start, self.rule.code, &self.message).cmp(&(
            &other.file,
            other.start,
            other.rule.code,
            &other.message,
        ))
    }
}
