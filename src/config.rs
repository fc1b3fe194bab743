//! `ecslint.toml`: the raw config file, its discovery, and resolution into `Settings`.
//!
//! ```toml
//! fail-on = "warning"
//! [rules]                       # selector (all, a category, a code or a name) = level
//! all = "error"
//! security = "warning"
//! ECS-COR-010 = "off"
//! [options]
//! cost-region = "eu-west-1"
//! [[overrides]]
//! paths = ["legacy/**"]
//! rules = { correctness = "warning" }
//! ```

use crate::rule::{Category, RuleMeta, Severity};
use crate::settings::{Levels, Settings};
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// File names looked for, nearest directory first.
pub const FILE_NAMES: [&str; 2] = ["ecslint.toml", ".ecslint.toml"];

/// What a selector sets a rule to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

impl Level {
    fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }

    /// Parses `error|warning|info|off`.
    pub fn parse(text: &str) -> Option<Level> {
        Some(match text {
            "error" => Level::Error,
            "warning" => Level::Warning,
            "info" => Level::Info,
            "off" => Level::Off,
            _ => return None,
        })
    }
}

/// The config file as written.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "ecslint configuration (ecslint.toml)")]
pub struct ConfigFile {
    /// Lowest severity that makes `ecslint check` exit 1 (default `error`).
    pub fail_on: Option<Severity>,
    /// Rule levels by selector: `all`, a category (`security`), a code (`ECS-COR-001`) or a name.
    /// The most specific selector wins: code or name, then category, then `all`.
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
    /// Options read by rules (each rule's page documents the ones it reads).
    #[serde(default)]
    pub options: Options,
    /// Rule levels for files matching glob patterns (relative to the config file's directory).
    #[serde(default)]
    pub overrides: Vec<Override>,
    /// Suppressions kept out of the ECS files: each hides one rule's findings in matching files.
    #[serde(default)]
    pub ignore: Vec<IgnoreEntry>,
}

/// An `[[ignore]]` entry: hides the findings of one rule in the files matching `path`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct IgnoreEntry {
    /// Rule code (`ECS-SEC-011`) or name (`image-tag-latest`).
    pub rule: String,
    /// Glob pattern of the files (relative to the config file's directory).
    pub path: String,
    /// Only findings in the container with this name.
    pub container: Option<String>,
    /// Only findings at or below this RFC 6901 pointer into the file as written (`/containerDefinitions/0`).
    pub pointer: Option<String>,
    /// Why the finding is accepted (required, not empty).
    pub reason: String,
    /// `YYYY-MM-DD`: after this day the entry no longer suppresses.
    pub expires: Option<String>,
}

/// Options read by rules, with their defaults.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct Options {
    /// AWS Region whose Fargate prices the cost rules use.
    pub cost_region: String,
    /// Image registries (host, optionally with a path prefix; `*` wildcards) whose images are trusted.
    pub trusted_registries: Vec<String>,
    /// Tag keys every task definition must carry.
    pub required_tags: Vec<String>,
    /// Minimum `desiredCount` for a replica service.
    pub minimum_desired_count: u32,
    /// Images (glob patterns such as `*/datadog/agent:*`) allowed to run as root.
    pub allowed_root_images: Vec<String>,
    /// A Fargate task is over-provisioned when its size is at least this many times what its
    /// containers reserve.
    pub overprovisioning_factor: f64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            cost_region: "us-east-1".into(),
            trusted_registries: Vec::new(),
            required_tags: Vec::new(),
            minimum_desired_count: 2,
            allowed_root_images: Vec::new(),
            overprovisioning_factor: 2.0,
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Override {
    /// Glob patterns (`legacy/**`, `**/*.describe.json`).
    pub paths: Vec<String>,
    /// Rule levels for the matching files, as in `[rules]`.
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
}

/// A config problem, pointed at the bytes of the file when possible (exit code 2).
#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    pub text: String,
    pub message: String,
    pub span: Option<std::ops::Range<usize>>,
    pub help: Option<String>,
}

/// The nearest config file, walking up from `start` to the repository root (a directory with `.git`).
pub fn discover(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    for dir in start.ancestors() {
        for name in FILE_NAMES {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
        if dir.join(".git").exists() {
            return None;
        }
    }
    None
}

/// Reads and validates a config file.
pub fn load(path: &Path) -> Result<(ConfigFile, PathBuf), ConfigError> {
    let error =
        |text: String, message: String, span| ConfigError { path: path.to_path_buf(), text, message, span, help: None };
    let text = std::fs::read_to_string(path).map_err(|e| {
        error(String::new(), format!("cannot read the config: {}", crate::input::read::io_message(&e)), None)
    })?;
    let config: ConfigFile =
        toml::from_str(&text).map_err(|e| error(text.clone(), e.message().to_string(), e.span()))?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let selectors = config.rules.keys().chain(config.overrides.iter().flat_map(|o| o.rules.keys()));
    for selector in selectors {
        if !is_selector(selector) {
            let span = find_key(&text, selector);
            let mut e = error(text.clone(), format!("unknown rule selector `{selector}`"), span);
            e.help = Some("use `all`, a category (schema, correctness, security, cost, availability), a rule code or a rule name; `ecslint rules` lists them".into());
            return Err(e);
        }
    }
    for pattern in config.overrides.iter().flat_map(|o| &o.paths) {
        if let Err(err) = globset::Glob::new(pattern) {
            return Err(error(
                text.clone(),
                format!("invalid glob `{pattern}`: {}", err.kind()),
                find_key(&text, pattern),
            ));
        }
    }
    check_ignores(&config, &text).map_err(|(message, needle)| {
        let span = needle.as_deref().and_then(|n| find_key(&text, n));
        error(text.clone(), message, span)
    })?;
    Ok((config, base))
}

/// Validates `[[ignore]]` entries: the error message and the text to point at.
fn check_ignores(config: &ConfigFile, text: &str) -> Result<(), (String, Option<String>)> {
    for (i, entry) in config.ignore.iter().enumerate() {
        let n = i + 1;
        if crate::rules::find(&entry.rule).is_none() {
            return Err((format!("[[ignore]] entry {n}: unknown rule `{}`", entry.rule), Some(entry.rule.clone())));
        }
        if let Err(err) = globset::Glob::new(&entry.path) {
            return Err((
                format!("[[ignore]] entry {n}: invalid glob `{}`: {}", entry.path, err.kind()),
                Some(entry.path.clone()),
            ));
        }
        if entry.reason.trim().is_empty() {
            let needle = text.match_indices("reason").nth(i).map(|_| "reason".to_string());
            return Err((format!("[[ignore]] entry {n}: `reason` must not be empty"), needle));
        }
        if let Some(pointer) = entry.pointer.as_deref().filter(|p| !p.is_empty() && !p.starts_with('/')) {
            return Err((
                format!("[[ignore]] entry {n}: `pointer` must be empty or start with `/`"),
                Some(pointer.to_string()),
            ));
        }
        if let Some(date) = entry.expires.as_deref().filter(|d| crate::suppression::parse_date(d).is_none()) {
            return Err((
                format!("[[ignore]] entry {n}: `expires` must be a date YYYY-MM-DD, not `{date}`"),
                Some(date.to_string()),
            ));
        }
    }
    Ok(())
}

/// The span of a key or string in the config text, for pointed errors.
fn find_key(text: &str, key: &str) -> Option<std::ops::Range<usize>> {
    let quoted = format!("\"{key}\"");
    text.find(&quoted)
        .map(|i| i..i + quoted.len())
        .or_else(|| text.match_indices(key).map(|(i, _)| i..i + key.len()).next())
}

fn is_selector(selector: &str) -> bool {
    selector == "all" || Category::ALL.iter().any(|c| c.as_str() == selector) || crate::rules::find(selector).is_some()
}

/// How specific a selector is for a rule: `None` when it does not select it.
fn specificity(selector: &str, rule: &RuleMeta) -> Option<u8> {
    if selector.eq_ignore_ascii_case(rule.code) || selector.eq_ignore_ascii_case(rule.name) {
        Some(2)
    } else if selector == rule.category.as_str() {
        Some(1)
    } else if selector == "all" {
        Some(0)
    } else {
        None
    }
}

/// Applies selector → level pairs; later layers win over earlier ones, and within a layer the
/// most specific selector wins.
pub fn apply(levels: &mut HashMap<&'static str, Option<Severity>>, layer: &[(String, Level)]) {
    for rule in crate::rules::ALL {
        let meta = rule.meta();
        let chosen = layer
            .iter()
            .filter_map(|(selector, level)| specificity(selector, meta).map(|s| (s, *level)))
            .max_by_key(|(s, _)| *s);
        if let Some((_, level)) = chosen {
            levels.insert(meta.code, level.severity());
        }
    }
}

/// Resolves the config file and the command line's selections (which merge on top).
pub fn resolve(
    config: Option<(ConfigFile, PathBuf)>,
    cli_rules: &[(String, Level)],
    mut settings: Settings,
) -> Settings {
    let mut base = Levels::defaults();
    if let Some((config, root)) = config {
        if let Some(fail_on) = config.fail_on {
            settings.fail_on = fail_on;
        }
        apply(&mut base, &config.rules.into_iter().collect::<Vec<_>>());
        settings.options = config.options;
        settings.config_root = Some(root);
        settings.ignores = config
            .ignore
            .into_iter()
            .filter_map(|e| {
                Some(crate::suppression::Ignore {
                    rule: crate::rules::find(&e.rule)?.meta(),
                    glob: globset::Glob::new(&e.path).ok()?.compile_matcher(),
                    pattern: e.path,
                    container: e.container,
                    pointer: e.pointer,
                    reason: e.reason,
                    expires: e.expires.and_then(|d| crate::suppression::parse_date(&d).map(|day| (d, day))),
                })
            })
            .collect();
        for o in config.overrides {
            let mut builder = globset::GlobSetBuilder::new();
            for p in &o.paths {
                if let Ok(glob) = globset::Glob::new(p) {
                    builder.add(glob);
                }
            }
            if let Ok(set) = builder.build() {
                settings.overrides.push((set, o.rules.into_iter().collect()));
            }
        }
    }
    settings.cli_rules = cli_rules.to_vec();
    apply(&mut base, cli_rules);
    settings.levels = Levels(Arc::new(base));
    settings
}

/// The JSON Schema of the config file, generated from its types (`schemas/config.schema.json`).
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(ConfigFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
