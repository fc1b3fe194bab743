//! The command line: `check`, `rule <CODE|NAME>`, `rules`, `server`.

use crate::config::{self, ConfigError, Level};
use crate::linter::{Report, RunOptions, lint_paths, lint_source};
use crate::nested::NestedConfigs;
use crate::output::{Format, Style, write};
use crate::rule::Severity;
use crate::settings::Settings;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// Exit codes (documented in the README).
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

#[derive(Debug, Parser)]
#[command(name = "ecslint", version, about = "Lint Amazon ECS task definitions before AWS rejects them")]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Lint files and directories (default: the current directory); `-` reads standard input.
    Check(CheckArgs),
    /// Print a rule's documentation page.
    Rule {
        /// Rule code (ECS-COR-001) or name (invalid-fargate-cpu-memory).
        code_or_name: String,
    },
    /// List every rule.
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Run the language server on standard input/output (diagnostics and quick fixes in editors).
    Server,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files or directories; directories are walked respecting .gitignore.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format: human, concise, json, sarif, github, junit or gitlab. Repeat it for several
    /// reports in one run; `FORMAT=PATH` writes that one to a file (`--format sarif=ecslint.sarif`).
    #[arg(long, short, value_name = "FORMAT[=PATH]", value_parser = parse_format, default_value = "human")]
    format: Vec<(Format, Option<PathBuf>)>,
    /// Exit 1 when a finding at or above this severity remains [default: error, or the config's].
    #[arg(long, value_enum)]
    fail_on: Option<Severity>,
    /// Set rule levels, merged over the config file: `SELECTOR=LEVEL` where SELECTOR is `all`, a
    /// category, a code or a name and LEVEL is error|warning|info|off. Repeatable.
    #[arg(long = "rule", value_name = "SELECTOR=LEVEL", value_parser = parse_rule_level)]
    rules: Vec<(String, Level)>,
    /// Use this config file instead of discovering `ecslint.toml` / `.ecslint.toml`.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore config files.
    #[arg(long)]
    no_config: bool,
    /// Always exit 0 when linting succeeded (report-only jobs).
    #[arg(long)]
    exit_zero: bool,
    /// Apply safe fixes (unwrap describe-task-definition output, strip read-only fields).
    #[arg(long)]
    fix: bool,
    /// Skip files that are not ECS documents silently, also when named (for pre-commit hooks).
    #[arg(long)]
    skip_unrecognized: bool,
    /// Name to use for standard input (`-`), for messages and path-based settings.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<String>,
    /// Files larger than this many bytes are reported instead of parsed.
    #[arg(long, value_name = "BYTES", default_value_t = Settings::default().max_file_size)]
    max_file_size: u64,
    /// Ignore in-band suppressions (`ecslint:ignore:*` tags, `ecslint.ignore` labels): strict gates.
    #[arg(long)]
    no_inline_suppressions: bool,
    /// Hide the findings listed in this baseline file; `--fail-on` applies to new findings only.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    baseline: Option<PathBuf>,
    /// Write every current finding's fingerprint to this baseline file (and exit 0).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// When to use colour in the human format.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ListFormat {
    Text,
    Json,
}

/// Parses the command line, runs, and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_ERROR } else { EXIT_OK });
        }
    };
    let code = match cli.command {
        Command::Check(args) => check(args),
        Command::Rule { code_or_name } => explain(&code_or_name),
        Command::Rules { format } => list(format),
        Command::Server => crate::lsp::run(),
    };
    ExitCode::from(code)
}

fn check(args: CheckArgs) -> u8 {
    let settings = match settings_for(&args) {
        Ok(settings) => settings,
        Err(error) => {
            eprint!("{}", render_config_error(&error, use_color_stderr(args.color)));
            return EXIT_ERROR;
        }
    };
    let (stdin, paths): (Vec<_>, Vec<_>) = args.paths.iter().cloned().partition(|p| p.as_os_str() == "-");
    let mut report = if paths.is_empty() {
        Report::default()
    } else {
        lint_paths(
            &paths,
            &settings,
            RunOptions {
                fix: args.fix,
                discard_sources: !args.format.iter().any(|(f, _)| f.shows_snippets()),
                skip_unrecognized: args.skip_unrecognized,
            },
        )
    };
    if !stdin.is_empty() {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            eprintln!("ecslint: cannot read standard input: {e}");
            return EXIT_ERROR;
        }
        let name = args.stdin_filename.as_deref().unwrap_or("<stdin>");
        let piped = lint_source(name, bytes, &settings);
        report.files += piped.files;
        report.sources.extend(piped.sources);
        report.diagnostics.extend(piped.diagnostics);
        report.diagnostics.sort_by(crate::Diagnostic::sort_key_cmp);
    }
    crate::suppression::apply_ignores(&mut report, &settings);
    if let Some(path) = &args.write_baseline {
        if let Err(e) = crate::baseline::write(path, &report) {
            eprintln!("ecslint: cannot write baseline {}: {e}", path.display());
            return EXIT_ERROR;
        }
        eprintln!("ecslint: wrote {} findings to baseline {}", report.diagnostics.len(), path.display());
    }
    if let Some(path) = &args.baseline {
        match crate::baseline::load(path) {
            Ok(baseline) => {
                crate::baseline::apply(&mut report, &baseline);
            }
            Err(message) => {
                eprintln!("ecslint: {message}");
                return EXIT_ERROR;
            }
        }
    }
    let style = Style { color: use_color(args.color), width: terminal_width() };
    for (format, path) in &args.format {
        let written = match path {
            Some(path) => write_report(path, |out| write(*format, &report, style, out))
                .map_err(|e| eprintln!("ecslint: cannot write {}: {e}", path.display())),
            None => {
                let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
                write(*format, &report, style, &mut stdout).and_then(|_| stdout.flush()).map_err(|_| ())
            }
        };
        if written.is_err() {
            return EXIT_ERROR;
        }
    }
    exit_code(&report, &settings, args.exit_zero || args.write_baseline.is_some())
}

/// Defaults, then the config file (given or discovered), then the command line.
fn settings_for(args: &CheckArgs) -> Result<Settings, ConfigError> {
    let defaults = Settings { max_file_size: args.max_file_size, ..Settings::default() };
    let config_path = if args.no_config {
        None
    } else if let Some(path) = &args.config {
        Some(path.clone())
    } else {
        let start = match (args.paths.first(), &args.stdin_filename) {
            (Some(p), Some(name)) if p.as_os_str() == "-" => {
                PathBuf::from(name).parent().map(PathBuf::from).unwrap_or_default()
            }
            (Some(p), _) if p.is_dir() => p.clone(),
            (Some(p), _) => p.parent().map(PathBuf::from).unwrap_or_default(),
            (None, _) => PathBuf::new(),
        };
        let start = if start.as_os_str().is_empty() { PathBuf::from(".") } else { start };
        config::discover(&start)
    };
    let config = config_path.as_deref().map(config::load).transpose()?;
    let mut settings = config::resolve(config, &args.rules, defaults);
    if !args.no_config && args.config.is_none() {
        settings.nested = Some(Arc::new(NestedConfigs::new(config_path.clone())));
    }
    settings.config_file = config_path;
    settings.inline_suppressions = !args.no_inline_suppressions;
    if let Some(fail_on) = args.fail_on {
        settings.fail_on = fail_on;
    }
    Ok(settings)
}

fn parse_format(text: &str) -> Result<(Format, Option<PathBuf>), String> {
    let (name, path) = match text.split_once('=') {
        Some((name, path)) if !path.is_empty() => (name, Some(PathBuf::from(path))),
        Some(_) => return Err("expected FORMAT=PATH with a path".into()),
        None => (text, None),
    };
    let format = Format::from_str(name, true)
        .map_err(|_| format!("unknown format `{name}`; use human, concise, json, sarif, github, junit or gitlab"))?;
    Ok((format, path))
}

fn parse_rule_level(text: &str) -> Result<(String, Level), String> {
    let (selector, level) = text.split_once('=').ok_or("expected SELECTOR=LEVEL, e.g. security=warning")?;
    let level = Level::parse(level.trim()).ok_or("LEVEL must be error, warning, info or off")?;
    let selector = selector.trim();
    let known = selector == "all"
        || crate::rule::Category::ALL.iter().any(|c| c.as_str() == selector)
        || crate::rules::find(selector).is_some();
    if !known {
        return Err(format!("unknown rule selector `{selector}`; `ecslint rules` lists them"));
    }
    Ok((selector.to_string(), level))
}

/// A config error as a pointed miette diagnostic.
fn render_config_error(error: &ConfigError, color: bool) -> String {
    use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource};
    let name = error.path.display().to_string();
    let mut diagnostic = MietteDiagnostic::new(format!("invalid config {name}: {}", error.message)).with_code("config");
    if let Some(help) = &error.help {
        diagnostic = diagnostic.with_help(help.clone());
    }
    let report = match &error.span {
        Some(span) => {
            diagnostic =
                diagnostic.with_label(LabeledSpan::new_primary_with_span(Some(error.message.clone()), span.clone()));
            miette::Report::new(diagnostic)
                .with_source_code(NamedSource::new(name, error.text.clone()).with_language("toml"))
        }
        None => miette::Report::new(diagnostic),
    };
    let theme = if color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let mut out = String::new();
    let _ =
        GraphicalReportHandler::new_themed(theme).with_width(terminal_width()).render_report(&mut out, report.as_ref());
    out
}

/// 2 when something could not be read; 1 when a finding reaches `--fail-on`; else 0.
pub fn exit_code(report: &Report, settings: &Settings, exit_zero: bool) -> u8 {
    if report.io_errors > 0 {
        EXIT_ERROR
    } else if !exit_zero && report.diagnostics.iter().any(|d| d.severity >= settings.fail_on) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn explain(code_or_name: &str) -> u8 {
    match crate::rules::find(code_or_name) {
        Some(rule) => {
            let _ = write_stdout(rule.meta().doc);
            EXIT_OK
        }
        None => {
            eprintln!("ecslint: no rule named `{code_or_name}`; `ecslint rules` lists them");
            EXIT_ERROR
        }
    }
}

fn list(format: ListFormat) -> u8 {
    let metas = crate::rules::ALL.iter().map(|r| r.meta());
    let text = match format {
        ListFormat::Text => metas
            .map(|m| {
                format!("{:<12} {:<40} {:<12} {:<8} {}\n", m.code, m.name, m.category.as_str(), m.severity, m.summary)
            })
            .collect(),
        ListFormat::Json => {
            let rules: Vec<_> = metas
                .map(|m| {
                    serde_json::json!({
                        "code": m.code, "name": m.name, "category": m.category, "severity": m.severity,
                        "summary": m.summary, "since": m.since, "url": m.url(),
                        "enabled_by_default": crate::rules::enabled_by_default(m.code),
                    })
                })
                .collect();
            format!("{}\n", serde_json::to_string_pretty(&rules).unwrap_or_default())
        }
    };
    let _ = write_stdout(&text);
    EXIT_OK
}

/// Writes a report file, creating its directory (`--format sarif=reports/ecslint.sarif`).
fn write_report(
    path: &std::path::Path,
    body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
    body(&mut file)?;
    file.flush()
}

/// Writes to stdout; a closed pipe (`ecslint … | head`) is not an error worth a panic.
fn write_stdout(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush())
}

fn use_color_stderr(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Auto => {
            std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
        other => use_color(other),
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).filter(|&w| w >= 40).unwrap_or(100)
}
