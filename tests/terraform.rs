//! Terraform plan JSON end to end (hand-written plans in `tests/fixtures/terraform`): findings
//! point at the exact bytes inside the `container_definitions` string, secrets are redacted in
//! every output, unknown values stay silent, child modules and roles are read, deletions skipped.

use std::path::Path;
use std::process::Command;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/terraform").join(name).to_string_lossy().into_owned()
}

/// `ecslint check --format json FILE`: (exit code, JSON report).
fn check(file: &str, format: &str) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .args(["check", "--no-config", "--format", format, file])
        .output()
        .expect("binary runs");
    (out.status.code().unwrap(), String::from_utf8_lossy(&out.stdout).into_owned())
}

fn findings(file: &str) -> Vec<serde_json::Value> {
    let (_, out) = check(file, "json");
    let report: serde_json::Value = serde_json::from_str(&out).expect("JSON report");
    report["diagnostics"].as_array().unwrap().clone()
}

fn with_code<'a>(all: &'a [serde_json::Value], code: &str) -> Vec<&'a serde_json::Value> {
    all.iter().filter(|d| d["code"] == code).collect()
}

/// The source text a finding's primary span covers (one line, ASCII fixture).
fn spanned(file: &str, d: &serde_json::Value) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let line = text.lines().nth(d["line"].as_u64().unwrap() as usize - 1).unwrap();
    let (start, end) = (d["column"].as_u64().unwrap() as usize, d["end_column"].as_u64().unwrap() as usize);
    line[start - 1..end - 1].to_string()
}

#[test]
fn points_inside_the_container_definitions_string() {
    let file = fixture("privileged-and-env-secret.plan.json");
    let all = findings(&file);
    let privileged = with_code(&all, "ECS-SEC-001");
    assert_eq!(privileged.len(), 1, "{all:#?}");
    assert_eq!(
        privileged[0]["pointer"], "/resource_changes/0/change/after/container_definitions/1/privileged",
        "{privileged:#?}"
    );
    assert_eq!(spanned(&file, privileged[0]), "true");
}

#[test]
fn secrets_in_plans_are_redacted_in_every_output() {
    let file = fixture("privileged-and-env-secret.plan.json");
    let all = findings(&file);
    assert_eq!(with_code(&all, "ECS-SEC-009").len(), 1, "{all:#?}");
    for format in ["json", "human", "concise", "sarif", "github", "junit", "gitlab"] {
        let (code, out) = check(&file, format);
        assert_eq!(code, 0, "{format}: warnings only, below the default --fail-on error");
        assert!(!out.contains("hunter2-prod-Zx9q"), "{format} leaks the secret:\n{out}");
    }
}

#[test]
fn child_modules_and_their_roles_are_read() {
    let all = findings(&fixture("fargate-child-module.plan.json"));
    assert!(all.iter().any(|d| d["message"].as_str().unwrap().contains("module.app.aws_iam_role.task")), "{all:#?}");
    // `web`'s container definitions are unknown until apply (image from a data source): nothing
    // about its containers, and its execution role is never called over-granted.
    assert!(with_code(&all, "ECS-SEC-032").is_empty(), "{all:#?}");
    let worker = all.iter().filter(|d| d["message"].as_str().unwrap().contains("`worker`")).count();
    assert!(worker > 0, "{all:#?}");
}

#[test]
fn a_hardened_root_module_plan_has_no_schema_noise_and_no_errors() {
    let all = findings(&fixture("fargate-root-module.plan.json"));
    let loud: Vec<_> = all.iter().filter(|d| d["severity"] != "info" || d["category"] == "schema").collect();
    assert!(loud.is_empty(), "{loud:#?}");
}

#[test]
fn deleted_resources_are_not_linted() {
    let file = fixture("delete-task-definition.plan.json");
    let all = findings(&file);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0]["code"], "ECS-SCH-011");
}

#[test]
fn update_plans_lint_the_planned_state() {
    let all = findings(&fixture("update-service.plan.json"));
    assert!(!all.is_empty());
    assert!(all.iter().all(|d| d["pointer"].as_str().unwrap().starts_with("/resource_changes/")), "{all:#?}");
}
