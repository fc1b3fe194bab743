//! ecslint diagnostics → LSP diagnostics, positioned in the negotiated encoding.

use super::position::{Encoding, LineIndex};
use super::uri;
use crate::diagnostic::Related;
use crate::rule::Severity;
use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Position, Range, Uri,
};
use std::path::{Path, PathBuf};

/// What converting needs beyond the diagnostic: the document, the encoding, where relative
/// paths start, and the text of other files (open in the editor, else on disk).
pub struct Target<'a> {
    pub uri: &'a Uri,
    pub text: &'a str,
    pub encoding: Encoding,
    pub root: &'a Path,
    pub text_of: &'a dyn Fn(&Path) -> Option<String>,
}

pub fn to_lsp(d: &crate::Diagnostic, target: &Target<'_>) -> lsp_types::Diagnostic {
    let index = LineIndex::new(target.text, target.encoding);
    let range = d.span.as_ref().map_or_else(Range::default, |span| index.range(span));
    let message = match &d.help {
        Some(help) => format!("{}\n{help}", d.message),
        None => d.message.clone(),
    };
    let mut related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(target.uri.clone(), index.range(&label.span)),
            message: label.message.clone(),
        })
        .collect();
    related.extend(d.related.iter().filter_map(|r| related_location(r, target)));
    lsp_types::Diagnostic {
        range,
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.code.to_string())),
        code_description: d.rule.url().parse().ok().map(|href| CodeDescription { href }),
        source: Some("ecslint".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// A location in another file: its path made absolute against the workspace root, its range
/// computed from that file's text, or from the 1-based line/column when the text is unknown.
fn related_location(r: &Related, target: &Target<'_>) -> Option<DiagnosticRelatedInformation> {
    let path = Path::new(&r.file);
    let path: PathBuf = if path.is_absolute() { path.to_path_buf() } else { target.root.join(path) };
    let uri = uri::from_path(&path)?;
    let range = match (target.text_of)(&path) {
        Some(text) => LineIndex::new(&text, target.encoding).range(&r.span),
        None => Range::new(approximate(r.start), approximate(r.end)),
    };
    Some(DiagnosticRelatedInformation { location: Location::new(uri, range), message: r.message.clone() })
}

fn approximate(p: crate::source::Position) -> Position {
    let clamp = |n: usize| u32::try_from(n.saturating_sub(1)).unwrap_or(u32::MAX);
    Position::new(clamp(p.line), clamp(p.column))
}
