//! Baselines: accept today's findings and fail only on new ones. A finding's fingerprint is its
//! rule, its repository-relative file and its semantic location (resource name, container name,
//! field path with the container index replaced by the name, a hash of the value there), never a
//! line number, so reformatting and edits elsewhere keep it matched.

use crate::diagnostic::Diagnostic;
use crate::linter::Report;
use crate::output::fingerprint::fnv1a;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The baseline file format version.
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// One accepted finding; `rule`, `file` and `location` are there for people reading the file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub file: String,
    pub rule: String,
    pub location: String,
    pub fingerprint: String,
}

/// What applying a baseline did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Findings hidden because the baseline lists them.
    pub baselined: usize,
    /// Findings not in the baseline (still reported).
    pub new: usize,
    /// Baseline entries that matched no finding (fixed, or changed beyond recognition).
    pub stale: usize,
}

/// The repository root: the nearest ancestor of the working directory with `.git`, else the
/// working directory.
fn repository_root() -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    cwd.ancestors().find(|d| d.join(".git").exists()).map_or_else(|| cwd.clone(), Path::to_path_buf)
}

fn relative_file(file: &str, root: &Path) -> String {
    let absolute = std::path::absolute(file).unwrap_or_else(|_| PathBuf::from(file));
    let relative = absolute.strip_prefix(root).map_or(absolute.as_path(), |p| p);
    relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// The baseline entry of a finding.
pub fn entry(d: &Diagnostic, root: &Path) -> Entry {
    let file = relative_file(&d.file, root);
    let (location, hash) = match &d.scope {
        Some(scope) => {
            let location = format!("{}{}", scope.resource.as_deref().unwrap_or("-"), scope.path);
            let hash = fnv1a(&[
                d.rule.code,
                &file,
                scope.resource.as_deref().unwrap_or_default(),
                scope.container.as_deref().unwrap_or_default(),
                &scope.path,
                &format!("{:016x}", scope.value_hash),
            ]);
            (location, hash)
        }
        // File-level and cross-file findings: the source pointer and the message.
        None => (d.pointer.clone(), fnv1a(&[d.rule.code, &file, &d.pointer, &d.message])),
    };
    Entry { file, rule: d.rule.code.to_string(), location, fingerprint: format!("{hash:016x}") }
}

/// The baseline of a report, sorted and stable.
pub fn of(report: &Report) -> Baseline {
    let root = repository_root();
    let mut findings: Vec<Entry> = report.diagnostics.iter().map(|d| entry(d, &root)).collect();
    findings.sort();
    Baseline { version: VERSION, findings }
}

/// Writes the baseline of a report to `path`.
pub fn write(path: &Path, report: &Report) -> std::io::Result<()> {
    let mut text = serde_json::to_string_pretty(&of(report)).map_err(std::io::Error::other)?;
    text.push('\n');
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text)
}

/// Reads a baseline file; the error is a message for the user.
pub fn load(path: &Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read baseline {}: {}", path.display(), crate::input::read::io_message(&e)))?;
    let baseline: Baseline = serde_json::from_str(&text).map_err(|e| {
        format!("invalid baseline {}: {e}; write one with `ecslint check --write-baseline FILE`", path.display())
    })?;
    if baseline.version != VERSION {
        return Err(format!(
            "baseline {} has version {}, this ecslint reads version {VERSION}; write it again with --write-baseline",
            path.display(),
            baseline.version
        ));
    }
    Ok(baseline)
}

/// Hides the findings the baseline lists (each entry hides one finding) and counts the rest.
pub fn apply(report: &mut Report, baseline: &Baseline) -> Summary {
    let root = repository_root();
    let mut remaining: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &baseline.findings {
        *remaining.entry(e.fingerprint.as_str()).or_default() += 1;
    }
    let before = report.diagnostics.len();
    report.diagnostics.retain(|d| {
        let fingerprint = entry(d, &root).fingerprint;
        match remaining.get_mut(fingerprint.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        }
    });
    let summary = Summary {
        baselined: before - report.diagnostics.len(),
        new: report.diagnostics.len(),
        stale: remaining.values().sum(),
    };
    report.baseline = Some(summary);
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_files_use_slashes() {
        let root = std::env::current_dir().unwrap();
        assert_eq!(relative_file("a/b.json", &root), "a/b.json");
    }

    #[test]
    fn fingerprints_ignore_positions() {
        let settings = crate::Settings::default();
        let a = crate::lint_source(
            "t.json",
            br#"{"family":"f","containerDefinitions":[{"name":"a","image":"x:latest","essential":true,"memory":512}]}"#
                .to_vec(),
            &settings,
        );
        let b = crate::lint_source("t.json", b"\n\n{\"family\": \"f\",\n \"containerDefinitions\": [\n{\"name\": \"a\", \"essential\": true, \"memory\": 512, \"image\": \"x:latest\"}]}".to_vec(), &settings);
        let root = std::env::current_dir().unwrap();
        let fa: Vec<_> = a.diagnostics.iter().map(|d| entry(d, &root)).collect();
        let fb: Vec<_> = b.diagnostics.iter().map(|d| entry(d, &root)).collect();
        assert!(!fa.is_empty());
        let (mut fa, mut fb) = (fa, fb);
        fa.sort();
        fb.sort();
        assert_eq!(fa, fb);
    }
}
