//! GitHub Actions workflow commands, after the full human report. GitHub shows at most 10
//! annotations of each level per step (50 per job), so findings are deduplicated, the most
//! severe go first, and a notice says how many were left out.

use super::Style;
use crate::diagnostic::Diagnostic;
use crate::linter::Report;
use crate::rule::Severity;
use std::collections::HashSet;
use std::fmt::Write;

/// GitHub's per-step limit for each of error, warning and notice annotations.
pub const PER_LEVEL: usize = 10;

/// Escapes a workflow-command message.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a workflow-command property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

pub fn render(report: &Report) -> String {
    let mut out = super::human::render(report, Style { color: false, width: 100 });
    let mut seen = HashSet::new();
    let mut unique: Vec<&Diagnostic> =
        report.diagnostics.iter().filter(|d| seen.insert((&d.file, d.start.line, d.rule.code, &d.message))).collect();
    unique.sort_by(|a, b| b.severity.cmp(&a.severity).then_with(|| a.sort_key_cmp(b)));
    let mut shown = [0usize; 3];
    let mut left_out = 0;
    for d in unique {
        let slot = &mut shown[d.severity as usize];
        if *slot == PER_LEVEL {
            left_out += 1;
            continue;
        }
        *slot += 1;
        let _ = writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            command(d.severity),
            property(&d.file),
            d.start.line,
            d.start.column,
            d.end.line,
            d.end.column,
            property(&format!("{} {}", d.rule.code, d.rule.name)),
            data(&match &d.help {
                Some(help) => format!("{}\n{help}", d.message),
                None => d.message.clone(),
            })
        );
    }
    if left_out > 0 {
        let _ = writeln!(
            out,
            "::notice title=ecslint::{left_out} more findings were not annotated (GitHub shows {PER_LEVEL} per level and step); see the report above"
        );
    }
    out
}
