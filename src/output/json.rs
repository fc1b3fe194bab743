//! The `--format json` contract (version 1). Fields listed in `schemas/output.schema.json` stay;
//! new fields may be added.

use crate::linter::Report;
use crate::rule::{Category, Severity};
use serde::Serialize;

pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: &'a str,
    code: &'static str,
    name: &'static str,
    category: Category,
    severity: Severity,
    message: &'a str,
    help: Option<&'a str>,
    pointer: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    fixable: bool,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    cost: Option<crate::context::Cost>,
    /// Locations in other files (a service and its task definition).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    file: &'a str,
    message: &'a str,
    pointer: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    fixed: usize,
    /// Findings hidden by the config's `[[ignore]]` entries.
    suppressed: usize,
    /// With `--baseline`: findings the baseline hides.
    #[serde(skip_serializing_if = "Option::is_none")]
    baselined: Option<usize>,
    /// With `--baseline`: findings not in the baseline.
    #[serde(skip_serializing_if = "Option::is_none")]
    new: Option<usize>,
    /// With `--baseline`: baseline entries that matched no finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    stale_baseline: Option<usize>,
}

pub fn render(report: &Report) -> String {
    let mut out = Vec::new();
    let _ = write(report, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Streams the report: a 10,000-file run's JSON is never held in memory as a whole.
pub fn write(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let output = Output {
        version: VERSION,
        diagnostics: report
            .diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                file: &d.file,
                code: d.rule.code,
                name: d.rule.name,
                category: d.rule.category,
                severity: d.severity,
                message: &d.message,
                help: d.help.as_deref(),
                pointer: &d.pointer,
                line: d.start.line,
                column: d.start.column,
                end_line: d.end.line,
                end_column: d.end.column,
                fixable: d.fixable,
                url: d.rule.url(),
                cost: d.cost,
                related: d
                    .related
                    .iter()
                    .map(|r| JsonRelated {
                        file: &r.file,
                        message: &r.message,
                        pointer: &r.pointer,
                        line: r.start.line,
                        column: r.start.column,
                        end_line: r.end.line,
                        end_column: r.end.column,
                    })
                    .collect(),
            })
            .collect(),
        summary: Summary {
            files: report.files,
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            infos: report.count(Severity::Info),
            fixed: report.fixed.len(),
            suppressed: report.suppressed,
            baselined: report.baseline.map(|b| b.baselined),
            new: report.baseline.map(|b| b.new),
            stale_baseline: report.baseline.map(|b| b.stale),
        },
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    out.write_all(b"\n")
}
