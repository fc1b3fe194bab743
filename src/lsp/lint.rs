//! Linting one open document: settings for its path, the linter, and the filter that keeps
//! non-ECS JSON silent.

use crate::Diagnostic;
use crate::config;
use crate::input::read::looks_like_ecs;
use crate::linter::lint_source;
use crate::rules::schema::{InvalidJson, NotAnEcsDocument};
use crate::settings::Settings;
use std::path::Path;

/// Settings for a document at `path`: the nearest config file from its directory, as `check`
/// discovers it; defaults when there is none or it is invalid.
pub fn settings_for(path: Option<&Path>) -> Settings {
    let config = path.and_then(Path::parent).and_then(config::discover).and_then(|file| {
        config::load(&file)
            .inspect_err(|e| eprintln!("ecslint: invalid config {}: {}", e.path.display(), e.message))
            .ok()
    });
    config::resolve(config, &[], Settings::default())
}

/// The findings for a document named `name` with `text`; empty for what is not an ECS document.
pub fn lint(name: &str, text: &str, settings: &Settings) -> Vec<Diagnostic> {
    let report = lint_source(name, text.as_bytes().to_vec(), settings);
    let not_ecs = report.files == 0
        || report.diagnostics.iter().any(|d| d.rule.code == NotAnEcsDocument::META.code)
        || (!looks_like_ecs(text.as_bytes())
            && report.diagnostics.iter().any(|d| d.rule.code == InvalidJson::META.code));
    if not_ecs { Vec::new() } else { report.diagnostics }
}
