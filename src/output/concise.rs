//! One line per finding for editors and problem matchers: `path:line:col: severity code name: message`,
//! followed by ` (see path:line:col)` for each location in another file.

use crate::linter::Report;
use std::fmt::Write;

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let message = d.message.replace('\n', " ");
        let (file, line, column) = (&d.file, d.start.line, d.start.column);
        let _ = write!(out, "{file}:{line}:{column}: {} {} {}: {message}", d.severity, d.rule.code, d.rule.name);
        for r in &d.related {
            let _ = write!(out, " (see {}:{}:{})", r.file, r.start.line, r.start.column);
        }
        out.push('\n');
    }
    out
}
