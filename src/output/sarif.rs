//! SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. Columns are Unicode code
//! points (`columnKind`), URIs are relative to the working directory (`uriBaseId: SRCROOT`).

use super::fingerprint;
use crate::diagnostic::Diagnostic;
use crate::linter::Report;
use crate::rule::{RuleMeta, Severity};
use serde_json::{Value, json};

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule_descriptor(meta: &RuleMeta) -> Value {
    json!({
        "id": meta.code,
        "name": meta.name,
        "shortDescription": { "text": meta.summary },
        "fullDescription": { "text": meta.summary },
        "helpUri": meta.url(),
        "help": { "text": format!("{} ({})", meta.summary, meta.url()), "markdown": meta.doc },
        "defaultConfiguration": { "level": level(meta.severity) },
        "properties": { "tags": [meta.category.as_str()] },
    })
}

fn location(file: &str, start: (usize, usize), end: (usize, usize), pointer: &str) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(file), "uriBaseId": "SRCROOT" },
            "region": { "startLine": start.0, "startColumn": start.1, "endLine": end.0, "endColumn": end.1.max(1) },
        },
        "logicalLocations": [{ "fullyQualifiedName": pointer, "kind": "member" }],
    })
}

/// A relative path as a URI reference (`/`-separated, spaces and `%` escaped).
fn uri(path: &str) -> String {
    path.replace('\\', "/").replace('%', "%25").replace(' ', "%20")
}

fn result(d: &Diagnostic, rule_index: usize) -> Value {
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str(&format!(". Fix: {help}"));
    }
    let related: Vec<Value> = d
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut l = location(&r.file, (r.start.line, r.start.column), (r.end.line, r.end.column), &r.pointer);
            l["id"] = json!(i + 1);
            l["message"] = json!({ "text": r.message });
            l
        })
        .collect();
    let mut out = json!({
        "ruleId": d.rule.code,
        "ruleIndex": rule_index,
        "level": level(d.severity),
        "message": { "text": text },
        "locations": [location(&d.file, (d.start.line, d.start.column), (d.end.line, d.end.column), &d.pointer)],
        "partialFingerprints": { "ecslintFingerprint/v1": fingerprint::of(d) },
    });
    if !related.is_empty() {
        out["relatedLocations"] = json!(related);
    }
    out
}

pub fn render(report: &Report) -> String {
    let rules = crate::rules::ALL;
    let index_of = |code: &str| rules.iter().position(|r| r.meta().code == code).unwrap_or(0);
    let root = std::env::current_dir()
        .ok()
        .map(|d| format!("file://{}/", uri(&d.to_string_lossy()).trim_end_matches('/')))
        .unwrap_or_else(|| "file:///".into());
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "ecslint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/ecslint/ecslint",
                "rules": rules.iter().map(|r| rule_descriptor(r.meta())).collect::<Vec<_>>(),
            }},
            "originalUriBaseIds": { "SRCROOT": { "uri": root } },
            "columnKind": "unicodeCodePoints",
            "results": report.diagnostics.iter().map(|d| result(d, index_of(d.rule.code))).collect::<Vec<_>>(),
        }],
    });
    let mut text = serde_json::to_string_pretty(&sarif).unwrap_or_default();
    text.push('\n');
    text
}
