//! GitLab Code Quality report (a JSON array of issues), for merge-request widgets.

use super::fingerprint;
use crate::linter::Report;
use crate::rule::Severity;
use serde_json::json;

pub fn render(report: &Report) -> String {
    let issues: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| {
            json!({
                "description": format!("{}: {}", d.rule.name, d.message),
                "check_name": d.rule.code,
                "fingerprint": fingerprint::of(d),
                "severity": match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info => "info",
                },
                "location": { "path": d.file, "lines": { "begin": d.start.line, "end": d.end.line } },
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&issues).unwrap_or_default();
    text.push('\n');
    text
}
