//! The pipeline: discover → read → parse with spans → detect shape → canonical resources →
//! schema + rules → diagnostics placed on the source bytes. Parallel over files, sorted output.

use crate::context::{Finding, LintContext};
use crate::diagnostic::{Diagnostic, SpanLabel};
use crate::input::Syntax;
use crate::input::discover::{Target, discover};
use crate::input::json::{Span, SyntaxError};
use crate::input::read::{ReadProblem, Text, decode, looks_like_ecs, read_text, sniff};
use crate::input::{detect, fix};
use crate::link::{FamilyIndex, ServiceUnit};
use crate::model::{Resource, Shape};
use crate::place::{Placer, mask};
use crate::rule::{Rule, Severity};
use crate::rules::schema::{
    ByteOrderMark, DescribeServicesOutput, DescribeTaskDefinitionOutput, DuplicateKey, InvalidJson, NotAnEcsDocument,
    UnreadablePath,
};
use crate::settings::{Levels, Settings};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The result of a run: sorted diagnostics and the sources they point into.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// Text of every file that has a diagnostic with a span (for rendering snippets).
    pub sources: BTreeMap<String, Arc<str>>,
    /// Files recognised as ECS documents and linted.
    pub files: usize,
    /// Paths that could not be read or walked (exit code 2).
    pub io_errors: usize,
    /// Files rewritten by `--fix`.
    pub fixed: Vec<String>,
    /// Every file recognised as an ECS document (for per-file reports such as JUnit).
    pub files_linted: Vec<String>,
    /// Findings hidden by `[[ignore]]` entries of the config.
    pub suppressed: usize,
    /// Set when a baseline was applied.
    pub baseline: Option<crate::baseline::Summary>,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    fn absorb(&mut self, outcome: FileOutcome) {
        if outcome.is_ecs {
            self.files += 1;
            self.files_linted.push(outcome.file.clone());
        }
        if outcome.io_error {
            self.io_errors += 1;
        }
        if outcome.fixed {
            self.fixed.push(outcome.file.clone());
        }
        if let Some(source) = outcome.source.filter(|_| outcome.diagnostics.iter().any(|d| d.span.is_some())) {
            let secrets: Vec<&Span> = outcome.diagnostics.iter().filter_map(|d| d.secret_span.as_ref()).collect();
            self.sources.insert(outcome.file, if secrets.is_empty() { source } else { mask(&source, &secrets) });
        }
        self.diagnostics.extend(outcome.diagnostics);
    }

    /// The project-wide pass: services checked together with the task definitions of the run.
    fn link(&mut self, outcomes: &mut [FileOutcome], settings: &Settings, options: RunOptions) {
        let mut index = FamilyIndex::default();
        let mut units = Vec::new();
        for outcome in outcomes.iter_mut() {
            if let Some(unit) = outcome.services.take() {
                units.push(unit);
            }
        }
        for (family, path) in outcomes.iter().flat_map(|o| &o.families) {
            index.add(family, path);
        }
        if units.is_empty() {
            return;
        }
        let linked = crate::link::check_services(&units, &index, settings);
        let mut by_file: BTreeMap<String, (PathBuf, Vec<Diagnostic>)> = BTreeMap::new();
        for (path, d) in linked.diagnostics {
            by_file.entry(d.file.clone()).or_insert_with(|| (path, Vec::new())).1.push(d);
        }
        for (file, (path, mut diagnostics)) in by_file {
            apply_levels(&mut diagnostics, &settings.levels_for(&path));
            let outcome = outcomes.iter_mut().find(|o| o.file == file);
            match outcome {
                Some(o) => o.diagnostics.extend(diagnostics),
                None => self.diagnostics.extend(diagnostics),
            }
        }
        if !options.discard_sources {
            for (file, source) in linked.sources {
                self.sources.entry(file).or_insert(source);
            }
            for unit in units {
                if let Some(o) = outcomes.iter_mut().find(|o| o.file == unit.file) {
                    o.source.get_or_insert(unit.source);
                }
            }
        }
    }

    fn finish(mut self) -> Self {
        self.diagnostics.sort_by(Diagnostic::sort_key_cmp);
        // A template-wide problem (an invalid `Metadata` suppression) is found once per resource.
        self.diagnostics.dedup_by(|a, b| {
            let related =
                |d: &Diagnostic| d.related.iter().map(|r| (r.file.clone(), r.span.clone())).collect::<Vec<_>>();
            a.file == b.file
                && a.rule.code == b.rule.code
                && a.span == b.span
                && a.message == b.message
                && related(a) == related(b)
        });
        self.fixed.sort();
        self.files_linted.sort();
        self
    }
}

/// Options of one run beyond the resolved settings.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunOptions {
    /// Apply safe fixes to the files before linting them.
    pub fix: bool,
    /// Drop file texts once placed (formats that print no snippets): lower peak memory.
    pub discard_sources: bool,
    /// Treat named files like walked ones: skip silently what is not an ECS document (pre-commit
    /// passes every staged JSON file, `package.json` and `tsconfig.json` included).
    pub skip_unrecognized: bool,
}

/// Lints files and directories.
pub fn lint_paths(paths: &[PathBuf], settings: &Settings, options: RunOptions) -> Report {
    let (mut targets, walk_errors) = discover(paths);
    if options.skip_unrecognized {
        targets.iter_mut().for_each(|t| t.explicit = false);
    }
    let outcomes: Vec<FileOutcome> = targets
        .par_iter()
        .map(|t| {
            let mut outcome = lint_target(t, settings, options);
            if options.discard_sources {
                outcome.source = None;
            }
            outcome
        })
        .collect();
    let mut report = Report::default();
    for error in walk_errors {
        let file = display_path(&error.path);
        report.absorb(FileOutcome::io(&file, error.message));
    }
    let mut outcomes = outcomes;
    report.link(&mut outcomes, settings, options);
    report.diagnostics.reserve_exact(outcomes.iter().map(|o| o.diagnostics.len()).sum());
    for outcome in outcomes {
        report.absorb(outcome);
    }
    report.finish()
}

/// Lints one in-memory document as if it were the file `name` (stdin, editors, tests).
pub fn lint_source(name: &str, bytes: Vec<u8>, settings: &Settings) -> Report {
    let mut outcome = match decode(bytes) {
        Ok(text) => lint_text(name, Path::new(name), text, true, settings, false),
        Err(problem) => FileOutcome::problem(name, &problem, None),
    };
    apply_levels(&mut outcome.diagnostics, &settings.levels_for(Path::new(name)));
    let mut report = Report::default();
    let mut outcomes = vec![outcome];
    report.link(&mut outcomes, settings, RunOptions::default());
    for outcome in outcomes {
        report.absorb(outcome);
    }
    report.finish()
}

struct FileOutcome {
    file: String,
    diagnostics: Vec<Diagnostic>,
    source: Option<Arc<str>>,
    is_ecs: bool,
    io_error: bool,
    fixed: bool,
    /// Task-definition families declared in the file, with its path (for linking services).
    families: Vec<(String, PathBuf)>,
    /// The file's services, kept parsed for the project-wide checks.
    services: Option<ServiceUnit>,
}

impl FileOutcome {
    fn empty(file: &str) -> Self {
        Self {
            file: file.to_string(),
            diagnostics: Vec::new(),
            source: None,
            is_ecs: false,
            io_error: false,
            fixed: false,
            families: Vec::new(),
            services: None,
        }
    }

    fn io(file: &str, message: String) -> Self {
        let diagnostic =
            Diagnostic::file_level(file, &UnreadablePath::META, format!("cannot read `{file}`: {message}"))
                .with_help("check that the path exists and is readable");
        Self { diagnostics: vec![diagnostic], io_error: true, ..Self::empty(file) }
    }

    fn problem(file: &str, problem: &ReadProblem, help: Option<&str>) -> Self {
        if let ReadProblem::Io(e) = problem {
            return Self::io(file, crate::input::read::io_message(e));
        }
        let mut diagnostic = Diagnostic::file_level(file, &InvalidJson::META, problem.describe());
        diagnostic.help = Some(help.unwrap_or("save the file as UTF-8 JSON").to_string());
        Self { diagnostics: vec![diagnostic], ..Self::empty(file) }
    }
}

fn lint_target(target: &Target, settings: &Settings, options: RunOptions) -> FileOutcome {
    let file = display_path(&target.path);
    let nested = settings.nested.as_ref().and_then(|n| n.for_file(&target.path, settings));
    let settings = match nested.as_deref() {
        None => settings,
        Some(Ok(nested)) => nested,
        Some(Err(message)) => return FileOutcome::io(&file, message.clone()),
    };
    let mut outcome = read_and_lint(target, &file, settings, options);
    apply_levels(&mut outcome.diagnostics, &settings.levels_for(&target.path));
    outcome
}

/// Applies configured levels: re-severity, or drop findings of rules that are off.
fn apply_levels(diagnostics: &mut Vec<Diagnostic>, levels: &Levels) {
    diagnostics.retain_mut(|d| match levels.severity(d.rule, d.severity) {
        Some(severity) => {
            d.severity = severity;
            true
        }
        None => false,
    });
    // Thousands of files are kept until the end of the run: do not keep spare capacity.
    diagnostics.shrink_to_fit();
}

fn read_and_lint(target: &Target, file: &str, settings: &Settings, options: RunOptions) -> FileOutcome {
    match read_text(&target.path, settings.max_file_size) {
        Ok(text) => lint_text(file, &target.path, text, target.explicit, settings, options.fix),
        Err(problem) => {
            let report = match &problem {
                ReadProblem::Io(_) => true,
                ReadProblem::Binary => target.explicit,
                ReadProblem::TooLarge { .. } | ReadProblem::InvalidUtf8 { .. } | ReadProblem::Utf16 => {
                    target.explicit || sniff(&target.path)
                }
            };
            if !report {
                return FileOutcome::empty(file);
            }
            let help = match problem {
                ReadProblem::TooLarge { .. } => Some("raise the limit with --max-file-size"),
                ReadProblem::Utf16 => Some("save the file as UTF-8 (in PowerShell: `Out-File -Encoding utf8NoBOM`)"),
                _ => None,
            };
            FileOutcome::problem(file, &problem, help)
        }
    }
}

fn lint_text(file: &str, path: &Path, text: Text, explicit: bool, settings: &Settings, fix: bool) -> FileOutcome {
    let source: Arc<str> = Arc::from(text.text);
    let syntax = Syntax::of(path, &source[text.body_start..]);
    // Walking finds every YAML file (CI workflows, Kubernetes manifests): only templates matter.
    if syntax == Syntax::Yaml && !explicit && !source.contains("AWS::") {
        return FileOutcome::empty(file);
    }
    let mut parsed = match syntax.parse(&source, text.body_start) {
        Ok(parsed) => parsed,
        Err(error) => {
            if !explicit && !looks_like_ecs(source.as_bytes()) {
                return FileOutcome::empty(file);
            }
            let placer = Placer::new(file, &source, None);
            let d = syntax_diagnostic(&placer, &source, text.body_start, error, syntax);
            return FileOutcome {
                diagnostics: vec![d],
                source: Some(source),
                is_ecs: true,
                ..FileOutcome::empty(file)
            };
        }
    };
    let resources = resources_of(&mut parsed.root, &source);
    if resources.is_empty() {
        if !explicit {
            return FileOutcome::empty(file);
        }
        let d = Diagnostic::file_level(file, &NotAnEcsDocument::META, "not an ECS document; nothing was checked")
            .with_help("ecslint recognises task definitions (register or describe output) and bare containerDefinitions arrays");
        return FileOutcome { diagnostics: vec![d], ..FileOutcome::empty(file) };
    }
    if fix
        && resources[0].infra.is_none()
        && let Some(fixed) = fix::fix(&source, &parsed.root, resources[0].shape)
        && write_atomically(path, &fixed).is_ok()
    {
        let fixed = Text { text: fixed, body_start: text.body_start };
        let mut outcome = lint_text(file, path, fixed, explicit, settings, false);
        outcome.fixed = true;
        return outcome;
    }
    let placer = Placer::new(file, &source, Some(&parsed.root));
    let mut diagnostics = Vec::new();
    if text.body_start > 0 {
        diagnostics.push(
            placer.at_span(
                &ByteOrderMark::META,
                0..text.body_start,
                "the file starts with a UTF-8 byte-order mark; the AWS CLI rejects it: Error parsing parameter \
             '--cli-input-json': Invalid JSON: Unexpected UTF-8 BOM (decode using utf-8-sig)"
                    .into(),
            ),
        );
    }
    for dup in &parsed.duplicates {
        let mut d = placer.at_span(
            &DuplicateKey::META,
            dup.second.clone(),
            format!("duplicate key `{}`; the last one wins and the first is silently ignored", dup.key),
        );
        d.label = Some("defined again here".into());
        d.labels.push(SpanLabel { span: dup.first.clone(), message: "first defined here".into() });
        d.help = Some(format!("keep one `{}`", dup.key));
        d.pointer = crate::model::join(&dup.object_pointer, &dup.key);
        diagnostics.push(d);
    }
    for resource in &resources {
        let mut findings = check_resource(resource, settings);
        if settings.inline_suppressions {
            findings = // Services: the project-wide pass reports their suppressions' problems once.
            crate::suppression::apply_inline(resource, findings, settings, !resource.shape.is_service());
        }
        for finding in findings {
            let mut d = Placer::finding((&placer, resource), None, &finding);
            d.scope = Some(crate::suppression::scope_of(resource, &finding.pointer));
            diagnostics.push(d);
        }
    }
    let families = resources
        .iter()
        .filter(|r| r.shape.is_task_definition() && r.infra.is_none())
        .filter_map(|r| r.task_definition().family().map(|f| (f.to_string(), path.to_path_buf())))
        .collect();
    let (services, others): (Vec<Resource>, Vec<Resource>) = resources.into_iter().partition(|r| r.shape.is_service());
    let services = (!services.is_empty()).then(|| ServiceUnit {
        file: file.to_string(),
        path: path.to_path_buf(),
        source: source.clone(),
        root: parsed.root,
        resources: services,
        // Templates and plans link a service to a task definition of the same file.
        tasks: others.into_iter().filter(|r| r.shape.is_task_definition() && r.infra.is_some()).collect(),
    });
    FileOutcome { diagnostics, source: Some(source), is_ecs: true, families, services, ..FileOutcome::empty(file) }
}

/// The canonical resources of a parsed document: a CloudFormation template, a Terraform plan
/// (whose embedded JSON strings are grafted into `root`), or an API-shaped document.
fn resources_of(root: &mut crate::input::json::Node, source: &str) -> Vec<Resource> {
    if let Some(resources) = crate::cfn::resources(root) {
        return resources;
    }
    if let Some(mut resources) = crate::terraform::resources(root, source) {
        crate::iam::usage::attach_usage(&mut resources);
        return resources;
    }
    detect::detect(root)
}

/// A syntax error; an unquoted template placeholder (`${CPU}`, `{{image}}`) is an info that the
/// file is a template, not an error in it.
fn syntax_diagnostic(
    placer: &Placer<'_>,
    source: &str,
    body_start: usize,
    error: SyntaxError,
    syntax: Syntax,
) -> Diagnostic {
    // `{{x}}` fails at its second brace (the first opened an object).
    let start = if source.get(error.span.start.saturating_sub(1)..).is_some_and(|a| a.starts_with("{{")) {
        error.span.start - 1
    } else {
        error.span.start
    };
    let at = source.get(start..).unwrap_or_default();
    if at.starts_with('$') || at.starts_with("{{") || at.starts_with("<%") {
        let token: String =
            at.chars().take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}' | ':')).collect();
        let mut d = placer.at_span(
            &InvalidJson::META,
            start..start + token.len(),
            format!("this is a template with an unquoted placeholder `{token}`; it was not linted"),
        );
        d.severity = Severity::Info;
        d.help = Some("lint the rendered file, or quote the placeholder so the template is valid JSON".into());
        d.label = Some("template placeholder".into());
        return d;
    }
    let empty = source[body_start..].trim().is_empty();
    let mut d = placer.at_span(&InvalidJson::META, error.span, format!("invalid {}: {}", syntax.name(), error.message));
    d.help = Some(match syntax {
        _ if empty => "write a task definition, or delete the file".into(),
        Syntax::Json => "fix the syntax; ECS accepts strict JSON only (no comments or trailing commas)".into(),
        Syntax::Yaml => "fix the YAML syntax; CloudFormation reads one YAML document without anchors or aliases".into(),
    });
    d.label = Some(error.message);
    d
}

/// Schema validation and every rule over one canonical resource.
pub fn check_resource(resource: &Resource, settings: &Settings) -> Vec<Finding> {
    let mut cx = LintContext::new(settings);
    if resource.shape == Shape::DescribeOutput {
        cx.report(&DescribeTaskDefinitionOutput, "")
            .on_key()
            .message(
                "this is describe-task-definition output, not a register-task-definition request; \
                 AWS CLI rejects it: Unknown parameter in input: \"taskDefinition\"",
            )
            .label("describe-task-definition wrapper")
            .help("unwrap the task definition and drop read-only fields (`ecslint check --fix` does both)")
            .emit();
    }
    if resource.shape == Shape::DescribeServices {
        cx.report(&DescribeServicesOutput, "")
            .message(format!(
                "this is describe-services output, not a create-service request; AWS CLI rejects it: Unknown \
                 parameter in input: \"services\"{}",
                resource.service().name().map(|n| format!(" (service `{n}`)")).unwrap_or_default()
            ))
            .label("a described service")
            .help("keep one service object as the request (`ecslint check --fix` does it for a single service)")
            .emit();
    }
    match resource.shape {
        Shape::Role => {
            let role = resource.role();
            crate::rules::ALL.iter().for_each(|rule| rule.check_role(&role, &mut cx));
        }
        Shape::Cluster => {
            let cluster = resource.cluster();
            crate::rules::ALL.iter().for_each(|rule| rule.check_cluster(&cluster, &mut cx));
        }
        shape => {
            crate::schema::check(resource, &mut cx);
            if shape.is_task_definition() {
                let task = resource.task_definition();
                crate::rules::ALL.iter().for_each(|rule| rule.check(&task, &mut cx));
            }
        }
    }
    cx.into_findings()
}

/// The path relative to the working directory when it lies below it.
pub fn display_path(path: &Path) -> String {
    let relative = std::env::current_dir().ok().and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf));
    relative.as_deref().unwrap_or(path).to_string_lossy().into_owned()
}

/// Writes through a temporary file in the same directory and renames it over the original.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.ecslint-fix.tmp"));
    std::fs::write(&tmp, text)?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&tmp, meta.permissions());
    }
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Every rule, for callers that need to look one up.
pub fn rules() -> &'static [&'static dyn Rule] {
    crate::rules::ALL
}
