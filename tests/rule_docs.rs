//! Every rule page follows the skeleton, and its examples run: `json bad` blocks must trigger
//! the rule, `json good` blocks must not, and both must be otherwise schema-valid. The human
//! rendering of each bad example is an insta snapshot (one per rule).

use ecslint::output::{Format, Style, render};
use ecslint::{Category, Report, Settings, lint_source};

const SECTIONS: [&str; 6] =
    ["## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Options", "## References"];

/// Rules whose problem cannot be shown as an example (file-system or byte-level input).
/// ECS-COR-043 needs a 64 KiB document; its unit tests build one.
const NO_EXAMPLES: [&str; 6] =
    ["ECS-COR-043", "ECS-SCH-010", "ECS-SCH-011", "ECS-SCH-012", "ECS-SCH-014", "ECS-SCH-015"];

/// A page's examples of one kind (`bad` or `good`): API-shaped JSON documents (```json bad) and
/// CloudFormation templates (```yaml bad), with the file name each is linted as.
fn examples<'a>(doc: &'a str, kind: &str) -> Vec<(&'static str, &'a str)> {
    let json = blocks(doc, &format!("json {kind}")).into_iter().map(|b| ("example.json", b));
    json.chain(blocks(doc, &format!("yaml {kind}")).into_iter().map(|b| ("example.yaml", b))).collect()
}

fn blocks<'a>(doc: &'a str, tag: &str) -> Vec<&'a str> {
    let fence = format!("```{tag}\n");
    doc.match_indices(&fence)
        .map(|(i, _)| {
            let body = &doc[i + fence.len()..];
            &body[..body.find("```").expect("closed fence")]
        })
        .collect()
}

/// Lints an example; with a `json task` block on the page (service rules), the example is linted
/// together with that task definition, as two files of one run.
fn lint_with((name, text): (&str, &str), task: Option<&str>, settings: &Settings) -> Report {
    let Some(task) = task else {
        return lint_source(name, text.as_bytes().to_vec(), settings);
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    std::fs::write(dir.path().join("task.json"), task).unwrap();
    let mut report = ecslint::lint_paths(&[dir.path().to_path_buf()], settings, Default::default());
    let prefix = format!("{}/", dir.path().display());
    for d in &mut report.diagnostics {
        d.file = d.file.trim_start_matches(&prefix).to_string();
        for r in &mut d.related {
            r.file = r.file.trim_start_matches(&prefix).to_string();
        }
    }
    report.sources = report.sources.into_iter().map(|(f, s)| (f.trim_start_matches(&prefix).to_string(), s)).collect();
    report
}

/// Panics with every collected problem at once, so one run shows them all.
fn report_problems(problems: Vec<String>) {
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

/// The options a page's examples run with: a ```toml example-config block (under Options) sets
/// them, for rules that are silent until configured.
fn settings_for(doc: &str, code: &'static str) -> Settings {
    let mut settings = Settings::default();
    // Rules that are off by default are on for their own examples.
    let mut levels = (*settings.levels.0).clone();
    levels.remove(code);
    settings.levels = ecslint::settings::Levels(std::sync::Arc::new(levels));
    if let Some(config) = blocks(doc, "toml example-config").first() {
        let config: ecslint::config::ConfigFile = toml::from_str(config).expect("valid example-config");
        settings.options = config.options;
    }
    settings
}

#[test]
fn every_page_follows_the_skeleton() {
    let mut problems = Vec::new();
    for rule in ecslint::rules::ALL {
        let meta = rule.meta();
        let title = format!("# {} ({})\n", meta.name, meta.code);
        if !meta.doc.starts_with(&title) {
            problems.push(format!("{}: page must start with `{}`", meta.code, title.trim()));
        }
        let mut last = 0;
        for section in SECTIONS {
            match meta.doc.find(&format!("\n{section}\n")) {
                None => problems.push(format!("{}: missing `{section}`", meta.code)),
                Some(at) if at < last => problems.push(format!("{}: `{section}` out of order", meta.code)),
                Some(at) => last = at,
            }
        }
        if !meta.doc.contains("https://") {
            problems.push(format!("{}: References must cite a source URL", meta.code));
        }
    }
    report_problems(problems);
}

#[test]
fn examples_trigger_or_pass_their_rule() {
    let mut problems = Vec::new();
    for rule in ecslint::rules::ALL {
        let meta = rule.meta();
        let (bad, good) = (examples(meta.doc, "bad"), examples(meta.doc, "good"));
        if NO_EXAMPLES.contains(&meta.code) {
            continue;
        }
        if bad.is_empty() || good.is_empty() {
            problems.push(format!("{}: needs bad and good examples (```json or ```yaml)", meta.code));
        }
        let task = blocks(meta.doc, "json task").first().copied();
        let settings = settings_for(meta.doc, meta.code);
        for example in &bad {
            let report = lint_with(*example, task, &settings);
            if !report.diagnostics.iter().any(|d| d.rule.code == meta.code) {
                problems.push(format!("{}: bad example does not trigger it", meta.code));
            }
            if meta.category != Category::Schema {
                let schema: Vec<_> = report
                    .diagnostics
                    .iter()
                    .filter(|d| d.rule.category == Category::Schema)
                    .map(|d| &d.message)
                    .collect();
                if !schema.is_empty() {
                    problems.push(format!("{}: bad example has schema findings: {schema:?}", meta.code));
                }
            }
        }
        for example in &good {
            let report = lint_with(*example, task, &settings);
            let noise: Vec<_> = report
                .diagnostics
                .iter()
                .filter(|d| d.rule.code == meta.code || d.rule.category == Category::Schema)
                .map(|d| format!("{} {}", d.rule.code, d.message))
                .collect();
            if !noise.is_empty() {
                problems.push(format!("{}: good example has findings: {noise:?}", meta.code));
            }
        }
    }
    report_problems(problems);
}

#[test]
fn snapshot_of_each_rule_on_its_bad_example() {
    for rule in ecslint::rules::ALL {
        let meta = rule.meta();
        let Some(example) = examples(meta.doc, "bad").first().copied() else {
            continue;
        };
        let settings = settings_for(meta.doc, meta.code);
        let mut report = lint_with(example, blocks(meta.doc, "json task").first().copied(), &settings);
        report.diagnostics.retain(|d| d.rule.code == meta.code);
        let text = render(Format::Human, &report, Style { color: false, width: 100 });
        insta::assert_snapshot!(meta.code, text);
    }
}
