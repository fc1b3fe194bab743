//! Rich terminal output through miette: snippet, labels on the exact bytes, help, rule link.

use super::Style;
use crate::diagnostic::{Diagnostic, Related};
use crate::linter::Report;
use crate::rule::Severity;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource};
use std::fmt::Write;
use std::sync::Arc;

pub fn render(report: &Report, style: Style) -> String {
    let theme = if style.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(style.width).with_links(false);
    let mut out = String::new();
    for d in &report.diagnostics {
        let source = report.sources.get(&d.file).cloned();
        render_one(&handler, d, source, &mut out);
        for related in &d.related {
            render_related(&handler, related, report.sources.get(&related.file).cloned(), &mut out);
        }
    }
    out.push_str(&summary(report));
    out
}

/// One diagnostic, rendered by miette.
pub fn render_one(handler: &GraphicalReportHandler, d: &Diagnostic, source: Option<Arc<str>>, out: &mut String) {
    let mut md = MietteDiagnostic::new(d.message.clone())
        .with_code(format!("{}({})", d.rule.code, d.rule.name))
        .with_severity(match d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
        .with_url(d.rule.url());
    if let Some(help) = &d.help {
        md = md.with_help(help.clone());
    }
    let report = match (source, &d.span) {
        (Some(source), Some(span)) => {
            let mut labels = vec![LabeledSpan::new_primary_with_span(d.label.clone(), span.clone())];
            labels.extend(d.labels.iter().map(|l| LabeledSpan::new_with_span(Some(l.message.clone()), l.span.clone())));
            md = md.with_labels(labels);
            miette::Report::new(md).with_source_code(NamedSource::new(&d.file, source).with_language("json"))
        }
        _ => {
            md.message = format!("{}: {}", d.file, md.message);
            miette::Report::new(md)
        }
    };
    // Rendering into a String cannot fail.
    let _ = handler.render_report(out, report.as_ref());
    out.push('\n');
}

/// The other file of a cross-file finding, as an advice snippet under it.
fn render_related(handler: &GraphicalReportHandler, r: &Related, source: Option<Arc<str>>, out: &mut String) {
    let md = MietteDiagnostic::new(format!("related: {} ({}:{}:{})", r.message, r.file, r.start.line, r.start.column))
        .with_severity(miette::Severity::Advice);
    let report = match source {
        Some(source) => miette::Report::new(
            md.with_labels(vec![LabeledSpan::new_primary_with_span(Some(r.message.clone()), r.span.clone())]),
        )
        .with_source_code(NamedSource::new(&r.file, source).with_language("json")),
        None => miette::Report::new(md),
    };
    let _ = handler.render_report(out, report.as_ref());
    out.push('\n');
}

/// `✖ 3 problems (2 errors, 1 warning, 0 infos) in 2 files` or a success line.
pub fn summary(report: &Report) -> String {
    let (errors, warnings, infos) =
        (report.count(Severity::Error), report.count(Severity::Warning), report.count(Severity::Info));
    let total = errors + warnings + infos;
    let files = plural(report.files, "ECS file");
    let mut line = if total == 0 {
        format!("✔ no problems in {files}")
    } else {
        format!(
            "✖ {} ({}, {}, {}) in {files}",
            plural(total, "problem"),
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(infos, "info")
        )
    };
    if !report.fixed.is_empty() {
        let _ = write!(line, "; fixed {}", plural(report.fixed.len(), "file"));
    }
    if report.suppressed > 0 {
        let _ = write!(line, "; {} suppressed by [[ignore]]", plural(report.suppressed, "finding"));
    }
    line.push('\n');
    if let Some(b) = report.baseline {
        let _ = writeln!(line, "  baseline: {} baselined, {} new", b.baselined, b.new);
        if b.stale > 0 {
            let _ = writeln!(
                line,
                "  baseline: {} no longer found (fixed?); rewrite it with --write-baseline",
                plural(b.stale, "stale entry").replace("entrys", "entries")
            );
        }
    }
    line
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}
