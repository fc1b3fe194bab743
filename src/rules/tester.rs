//! Helpers for rule unit tests: lint a JSON text through the whole pipeline.

use crate::diagnostic::Diagnostic;
use crate::linter::lint_source;
use crate::settings::{Levels, Settings};

/// Diagnostics for a JSON text treated as the file `test.json`, with every rule on (those that
/// are off by default included).
pub fn lint(json: &str) -> Vec<Diagnostic> {
    let settings = Settings { levels: Levels::default(), ..Settings::default() };
    lint_source("test.json", json.as_bytes().to_vec(), &settings).diagnostics
}

/// Messages of one rule for `json` linted with settings adjusted by `configure` (options).
pub fn messages_with(code: &str, json: &str, configure: impl FnOnce(&mut Settings)) -> Vec<String> {
    let mut settings = Settings { levels: Levels::default(), ..Settings::default() };
    configure(&mut settings);
    let report = lint_source("test.json", json.as_bytes().to_vec(), &settings);
    report.diagnostics.into_iter().filter(|d| d.rule.code == code).map(|d| d.message).collect()
}

/// Diagnostics of one rule when a service and its task definition are linted as two files of one
/// run (`svc.json`, `td.json`), with every rule on.
pub fn linked(code: &str, service: &str, task: &str) -> Vec<Diagnostic> {
    let dir = tempfile::tempdir().expect("temporary directory");
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).expect("write fixture");
    write("svc.json", service);
    write("td.json", task);
    let settings = Settings { levels: Levels::default(), ..Settings::default() };
    let report = crate::lint_paths(&[dir.path().to_path_buf()], &settings, Default::default());
    report.diagnostics.into_iter().filter(|d| d.rule.code == code).collect()
}

/// The diagnostics of one rule.
pub fn findings(code: &str, json: &str) -> Vec<Diagnostic> {
    lint(json).into_iter().filter(|d| d.rule.code == code).collect()
}

/// Asserts that `code` fires exactly `count` times and returns the messages.
#[track_caller]
pub fn assert_fires(code: &str, count: usize, json: &str) -> Vec<String> {
    let found = findings(code, json);
    assert_eq!(found.len(), count, "{code} fired {} times, expected {count}: {:#?}", found.len(), messages(&found));
    messages(&found)
}

/// Asserts that `code` does not fire.
#[track_caller]
pub fn assert_clean(code: &str, json: &str) {
    let found = findings(code, json);
    assert!(found.is_empty(), "{code} fired unexpectedly: {:#?}", messages(&found));
}

fn messages(found: &[Diagnostic]) -> Vec<String> {
    found.iter().map(|d| d.message.clone()).collect()
}

/// Findings of one rule on an ECS cluster in the canonical `CreateCluster` shape (as the
/// CloudFormation and Terraform front-ends produce it), with default settings.
pub fn cluster_findings(code: &str, json: &str) -> Vec<crate::context::Finding> {
    use crate::model::{Origin, Resource, Shape};
    let value = serde_json::from_str(json).expect("cluster JSON");
    let resource = Resource { shape: Shape::Cluster, value, origin: Origin::default(), infra: None };
    let findings = crate::linter::check_resource(&resource, &Settings::default());
    findings.into_iter().filter(|f| f.rule.code == code).collect()
}

/// Findings of one rule's service check on a CloudFormation service whose `loadBalancers[0]` target
/// group (canonical `CreateTargetGroup` shape) is in the same template, with its task definition.
pub fn service_with_target_group(
    code: &str,
    service: &str,
    target_group: &str,
    task: &str,
) -> Vec<crate::context::Finding> {
    use crate::model::{Format, Infra, Origin, Resource, Shape};
    let parse = |text: &str| serde_json::from_str(text).expect("fixture JSON");
    let infra =
        Infra { target_groups: vec![(0, parse(target_group))], ..Infra::new(Format::CloudFormation, "Service") };
    let service = Resource {
        shape: Shape::CreateService,
        value: parse(service),
        origin: Origin::default(),
        infra: Some(Box::new(infra)),
    };
    let task = Resource::api(Shape::RegisterRequest, parse(task), Origin::default());
    let rule = crate::rules::find(code).expect("rule code");
    let settings = Settings::default();
    let mut cx = crate::context::LintContext::new(&settings);
    rule.check_service(&service.service(), Some(&task.task_definition()), &mut cx);
    cx.into_findings()
}

/// A plain-text rendering of findings for insta snapshots (no source file to place them in).
pub fn render_findings(findings: &[crate::context::Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        out.push_str(&format!("{}[{}] {} at {}\n", f.severity, f.rule.code, f.message, f.pointer));
        if let Some(label) = &f.label {
            out.push_str(&format!("  label: {label}\n"));
        }
        for label in &f.labels {
            out.push_str(&format!("  related ({:?}) {}: {}\n", label.side, label.pointer, label.message));
        }
        if let Some(help) = &f.help {
            out.push_str(&format!("  help: {help}\n"));
        }
    }
    out
}

/// Findings of one rule on an IAM role given as its canonical JSON (see `crate::model::Role`),
/// checked alone with default settings.
pub fn role_findings(code: &str, role_json: &str) -> Vec<crate::context::Finding> {
    use crate::model::{Origin, Resource, Shape};
    let value = serde_json::from_str(role_json).expect("role JSON");
    let resource = Resource { shape: Shape::Role, value, origin: Origin::default(), infra: None };
    let settings = Settings { levels: Levels::default(), ..Settings::default() };
    crate::linter::check_resource(&resource, &settings).into_iter().filter(|f| f.rule.code == code).collect()
}

/// Messages of one rule on a role.
pub fn role_messages(code: &str, role_json: &str) -> Vec<String> {
    role_findings(code, role_json).into_iter().map(|f| f.message).collect()
}

/// A plain rendering of a rule's findings on a role for snapshots: severity, pointer, message,
/// labels and help.
pub fn role_report(code: &str, role_json: &str) -> String {
    let mut out = String::new();
    for f in role_findings(code, role_json) {
        out.push_str(&format!("{} {} at `{}`\n  {}\n", f.severity, f.rule.code, f.pointer, f.message));
        for label in &f.labels {
            out.push_str(&format!("  related `{}`: {}\n", label.pointer, label.message));
        }
        if let Some(help) = &f.help {
            out.push_str(&format!("  help: {help}\n"));
        }
    }
    out
}
