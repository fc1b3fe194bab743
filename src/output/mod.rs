//! Output formats: one module per format behind one enum.

mod concise;
pub(crate) mod fingerprint;
mod github;
mod gitlab;
mod human;
mod json;
mod junit;
mod sarif;

use crate::linter::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Rich diagnostics with source snippets (miette).
    Human,
    /// One line per finding: `path:line:col: severity code name: message`.
    Concise,
    /// The versioned JSON contract.
    Json,
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif,
    /// GitHub Actions annotations after the full human report.
    Github,
    /// JUnit XML, one test case per file.
    Junit,
    /// GitLab Code Quality JSON.
    Gitlab,
}

impl Format {
    /// Formats that print source snippets need the file texts kept.
    pub fn shows_snippets(self) -> bool {
        matches!(self, Format::Human | Format::Github)
    }
}

/// How the human format should look.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

/// Writes a report; the JSON format streams instead of building the whole text first.
pub fn write(format: Format, report: &Report, style: Style, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(report, out),
        other => out.write_all(render(other, report, style).as_bytes()),
    }
}

pub fn render(format: Format, report: &Report, style: Style) -> String {
    match format {
        Format::Human => human::render(report, style),
        Format::Concise => concise::render(report),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report),
        Format::Github => github::render(report),
        Format::Junit => junit::render(report),
        Format::Gitlab => gitlab::render(report),
    }
}
