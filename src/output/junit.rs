//! JUnit XML for CI systems that show test reports (Jenkins, GitLab, Azure): one test case per
//! linted file, failing with its findings.

use crate::linter::Report;
use std::collections::BTreeMap;
use std::fmt::Write;

fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

pub fn render(report: &Report) -> String {
    let mut by_file: BTreeMap<&str, Vec<&crate::Diagnostic>> =
        report.files_linted.iter().map(|f| (f.as_str(), Vec::new())).collect();
    for d in &report.diagnostics {
        by_file.entry(&d.file).or_default().push(d);
    }
    let failures = by_file.values().filter(|ds| !ds.is_empty()).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, "<testsuites name=\"ecslint\" tests=\"{}\" failures=\"{failures}\">", by_file.len());
    let _ = writeln!(
        out,
        "  <testsuite name=\"ecslint\" tests=\"{}\" failures=\"{failures}\" errors=\"0\">",
        by_file.len()
    );
    for (file, diagnostics) in by_file {
        let _ = write!(out, "    <testcase classname=\"ecslint\" name=\"{}\"", xml(file));
        if diagnostics.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        let summary = format!("{} finding(s)", diagnostics.len());
        let _ = writeln!(out, "      <failure message=\"{}\" type=\"ecslint\">", xml(&summary));
        for d in diagnostics {
            let _ = writeln!(
                out,
                "{}:{}:{}: {} {} {}: {}",
                xml(&d.file),
                d.start.line,
                d.start.column,
                d.severity,
                d.rule.code,
                d.rule.name,
                xml(&d.message)
            );
        }
        out.push_str("      </failure>\n    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
