//! Resolved settings for one run (from defaults, the config file and the command line).

use crate::config::{Level, Options, apply};
use crate::rule::{RuleMeta, Severity};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Rule code → configured severity (`None` = off). Rules not in the map keep their own.
#[derive(Debug, Clone, Default)]
pub struct Levels(pub Arc<HashMap<&'static str, Option<Severity>>>);

impl Levels {
    /// The built-in levels: every rule at its own severity, pedantic ones off.
    pub fn defaults() -> HashMap<&'static str, Option<Severity>> {
        crate::rules::OFF_BY_DEFAULT.iter().map(|code| (*code, None)).collect()
    }

    /// The severity a finding of `rule` is reported at, or `None` when the rule is off.
    pub fn severity(&self, rule: &RuleMeta, found: Severity) -> Option<Severity> {
        match self.0.get(rule.code) {
            Some(configured) => *configured,
            None => Some(found),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    /// Exit 1 when a finding at or above this severity remains.
    pub fail_on: Severity,
    /// Files larger than this are reported, not parsed.
    pub max_file_size: u64,
    /// Options read by rules.
    pub options: Options,
    /// Levels from the config's `[rules]` and the command line.
    pub levels: Levels,
    /// Per-path levels: glob set (relative to `config_root`) → selectors.
    pub overrides: Vec<(globset::GlobSet, Vec<(String, Level)>)>,
    /// Command-line selections, re-applied after overrides so they always win.
    pub cli_rules: Vec<(String, Level)>,
    /// Directory of the config file, the base of override globs.
    pub config_root: Option<PathBuf>,
    /// The config file read, if any (where unused `[[ignore]]` entries are reported).
    pub config_file: Option<PathBuf>,
    /// The config's `[[ignore]]` entries.
    pub ignores: Vec<crate::suppression::Ignore>,
    /// Honour in-band suppressions (tags, `dockerLabels`); off with `--no-inline-suppressions`.
    pub inline_suppressions: bool,
    /// Config files nearer to a linted file than the run's own (when the run discovers them).
    pub nested: Option<Arc<crate::nested::NestedConfigs>>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            fail_on: Severity::Error,
            max_file_size: 32 * 1024 * 1024,
            options: Options::default(),
            levels: Levels(Arc::new(Levels::defaults())),
            overrides: Vec::new(),
            cli_rules: Vec::new(),
            config_root: None,
            config_file: None,
            ignores: Vec::new(),
            inline_suppressions: true,
            nested: None,
        }
    }
}

impl Settings {
    /// The levels for one file: the base levels, then matching overrides, then the command line.
    /// A path relative to the config file's directory (what override and ignore globs match).
    pub fn relative(&self, path: &Path) -> PathBuf {
        self.config_root
            .as_deref()
            .and_then(|root| {
                let absolute = std::path::absolute(path).ok()?;
                absolute.strip_prefix(root.canonicalize().ok()?).ok().map(Path::to_path_buf)
            })
            .unwrap_or_else(|| path.to_path_buf())
    }

    pub fn levels_for(&self, path: &Path) -> Levels {
        let relative = self.relative(path);
        let matching: Vec<_> = self.overrides.iter().filter(|(set, _)| set.is_match(&relative)).collect();
        if matching.is_empty() {
            return self.levels.clone();
        }
        let mut levels = (*self.levels.0).clone();
        for (_, layer) in matching {
            apply(&mut levels, layer);
        }
        apply(&mut levels, &self.cli_rules);
        Levels(Arc::new(levels))
    }
}
