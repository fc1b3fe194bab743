//! Quick fixes: the safe `--fix` rewrite (unwrap describe output, drop read-only fields) as a
//! whole-document edit.

use super::position::{Encoding, LineIndex};
use crate::input::{detect, fix, json, read};
use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, Uri, WorkspaceEdit};
use std::collections::HashMap;

/// The quick fix for a document whose `fixable` findings (already converted) are `fixable`;
/// `None` when there is nothing safe to do.
pub fn quick_fix(
    uri: &Uri,
    text: &str,
    encoding: Encoding,
    fixable: Vec<lsp_types::Diagnostic>,
) -> Option<CodeActionOrCommand> {
    if fixable.is_empty() {
        return None;
    }
    let fixed = fixed_text(text)?;
    let edit = TextEdit { range: LineIndex::new(text, encoding).whole(), new_text: fixed };
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: "ecslint: unwrap describe output and drop read-only fields".into(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(fixable),
        edit: Some(WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), vec![edit])])), ..Default::default() }),
        is_preferred: Some(true),
        ..Default::default()
    }))
}

/// The text `ecslint check --fix` would write, or `None` when it would change nothing.
pub fn fixed_text(text: &str) -> Option<String> {
    let decoded = read::decode(text.as_bytes().to_vec()).ok()?;
    let parsed = json::parse(&decoded.text, decoded.body_start).ok()?;
    let shape = detect::detect(&parsed.root).first()?.shape;
    fix::fix(&decoded.text, &parsed.root, shape).filter(|fixed| fixed != text)
}
