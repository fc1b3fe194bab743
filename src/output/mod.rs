//! Output formats: one module per format behind one enum.

mod concise;
mod human;
mod json;

use crate::linter::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Rich diagnostics with source snippets (miette).
    Human,
    /// One line per finding: `path:line:col: severity code name: message`.
    Concise,
    /// The versioned JSON contract.
    Json,
}

/// How the human format should look.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

pub fn render(format: Format, report: &Report, style: Style) -> String {
    match format {
        Format::Human => human::render(report, style),
        Format::Concise => concise::render(report),
        Format::Json => json::render(report),
    }
}
