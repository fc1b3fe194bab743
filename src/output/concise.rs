//! One line per finding for editors and problem matchers: `path:line:col: severity code name: message`.

use crate::linter::Report;
use std::fmt::Write;

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let _ = writeln!(
            out,
            "{}:{}:{}: {} {} {}: {}",
            d.file,
            d.start.line,
            d.start.column,
            d.severity,
            d.rule.code,
            d.rule.name,
            d.message.replace('\n', " ")
        );
    }
    out
}
