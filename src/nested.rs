//! Config files below the run's own: each linted file uses the nearest `ecslint.toml` (or
//! `.ecslint.toml`) above it, up to the repository root, so a monorepo can keep one per team.

use crate::config;
use crate::settings::Settings;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Per-directory config lookup for one run, cached (thousands of files share a few directories).
#[derive(Debug)]
pub struct NestedConfigs {
    /// The config the run itself resolved (files under it use the run's settings as they are).
    run_config: Option<PathBuf>,
    by_dir: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    by_config: Mutex<HashMap<PathBuf, Arc<Result<Settings, String>>>>,
}

impl NestedConfigs {
    pub fn new(run_config: Option<PathBuf>) -> Self {
        let run_config = run_config.and_then(|p| p.canonicalize().ok());
        Self { run_config, by_dir: Mutex::default(), by_config: Mutex::default() }
    }

    /// Settings for `path` when its nearest config is another than the run's; `None` to use the
    /// run's settings. An unreadable or invalid config is an error message.
    pub fn for_file(&self, path: &Path, run: &Settings) -> Option<Arc<Result<Settings, String>>> {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let dir = if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir };
        let found = {
            let mut by_dir = self.by_dir.lock().ok()?;
            by_dir
                .entry(dir.clone())
                .or_insert_with(|| config::discover(&dir).and_then(|p| p.canonicalize().ok()))
                .clone()
        }?;
        if Some(&found) == self.run_config.as_ref() {
            return None;
        }
        let mut by_config = self.by_config.lock().ok()?;
        let resolved = by_config.entry(found.clone()).or_insert_with(|| Arc::new(resolve(&found, run)));
        Some(resolved.clone())
    }
}

/// The settings a nested config gives, with the run's command-line choices on top.
fn resolve(path: &Path, run: &Settings) -> Result<Settings, String> {
    let loaded = config::load(path).map_err(|e| format!("invalid config {}: {}", e.path.display(), e.message))?;
    let defaults = Settings {
        max_file_size: run.max_file_size,
        inline_suppressions: run.inline_suppressions,
        ..Settings::default()
    };
    let mut settings = config::resolve(Some(loaded), &run.cli_rules, defaults);
    settings.config_file = Some(path.to_path_buf());
    settings.fail_on = run.fail_on;
    Ok(settings)
}
