//! `ecslint.toml`: discovery, selection by code/name/category/all, per-path overrides,
//! command-line merging, pointed errors (exit 2), and the generated JSON Schema.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// A hardened task definition with one error: 512 CPU units with 512 MiB.
const BAD_SIZE: &str = include_str!("fixtures/bad-fargate-size.json");

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecslint")).args(args).current_dir(dir).output().unwrap()
}

fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    fs::create_dir_all(dir.path().join("legacy")).unwrap();
    fs::write(dir.path().join("ecslint.toml"), config).unwrap();
    fs::write(dir.path().join("web.json"), BAD_SIZE).unwrap();
    fs::write(dir.path().join("legacy/old.json"), BAD_SIZE).unwrap();
    dir
}

fn severities(out: &Output) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["file"].as_str().unwrap().to_string(), d["severity"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn selectors_levels_and_overrides() {
    let dir = project(
        "[rules]\ncorrectness = \"warning\"\n\n[[overrides]]\npaths = [\"legacy/**\"]\nrules = { invalid-fargate-cpu-memory = \"off\" }\n",
    );
    let out = run(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(out.status.code(), Some(0), "warnings do not fail by default");
    assert_eq!(severities(&out), [("web.json".to_string(), "warning".to_string())]);
}

#[test]
fn most_specific_selector_wins_and_fail_on_comes_from_the_file() {
    let dir = project("fail-on = \"warning\"\n[rules]\nall = \"off\"\nECS-COR-001 = \"warning\"\n");
    let out = run(dir.path(), &["check", "--format", "json", "web.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(severities(&out), [("web.json".to_string(), "warning".to_string())]);
}

#[test]
fn command_line_selections_merge_with_the_file() {
    let dir = project("[rules]\ncorrectness = \"warning\"\n");
    let out = run(dir.path(), &["check", "--format", "json", "--rule", "ECS-COR-001=info", "web.json"]);
    assert_eq!(severities(&out), [("web.json".to_string(), "info".to_string())]);
    let off = run(dir.path(), &["check", "--format", "json", "--rule", "all=off", "web.json"]);
    assert!(severities(&off).is_empty());
    let ignored = run(dir.path(), &["check", "--format", "json", "--no-config", "web.json"]);
    assert_eq!(severities(&ignored), [("web.json".to_string(), "error".to_string())]);
}

#[test]
fn config_is_found_by_walking_up_and_can_be_given_explicitly() {
    let dir = project("[rules]\nall = \"off\"\n");
    let out = run(&dir.path().join("legacy"), &["check", "--format", "json", "old.json"]);
    assert!(severities(&out).is_empty(), "found ../ecslint.toml");
    fs::write(dir.path().join("strict.toml"), "[rules]\nall = \"error\"\n").unwrap();
    let out = run(dir.path(), &["check", "--format", "json", "--config", "strict.toml", "web.json"]);
    assert_eq!(severities(&out).len(), 1);
}

#[test]
fn bad_config_is_a_pointed_error_with_exit_two() {
    let dir = project("[rules]\nall = \"error\"\n\n[optoins]\ncost-region = \"eu-west-1\"\n");
    let out = run(dir.path(), &["check", "web.json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ecslint.toml:4:"), "{err}");
    assert!(err.contains("optoins"), "{err}");

    let dir = project("[rules]\nno-such-rule = \"off\"\n");
    let out = run(dir.path(), &["check", "web.json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown rule selector `no-such-rule`") && err.contains("ecslint.toml:2:1"), "{err}");

    let dir = project("[rules]\nall = \"loud\"\n");
    assert_eq!(run(dir.path(), &["check", "web.json"]).status.code(), Some(2));
    let dir = project("");
    assert_eq!(run(dir.path(), &["check", "--rule", "nope=off", "web.json"]).status.code(), Some(2));
}

/// `schemas/config.schema.json` is generated from the config types; run with
/// `UPDATE_CONFIG_SCHEMA=1` to refresh it.
#[test]
fn config_schema_is_fresh() {
    let expected = ecslint::config::json_schema();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/config.schema.json");
    if std::env::var_os("UPDATE_CONFIG_SCHEMA").is_some() {
        fs::write(path, &expected).unwrap();
    }
    assert!(
        fs::read_to_string(path).unwrap_or_default() == expected,
        "run UPDATE_CONFIG_SCHEMA=1 cargo test --test config"
    );
}

#[test]
fn each_file_uses_the_nearest_config() {
    let dir = project("[rules]\ncorrectness = \"warning\"\n");
    fs::create_dir_all(dir.path().join("team-b")).unwrap();
    fs::write(dir.path().join("team-b/ecslint.toml"), "[rules]\nall = \"off\"\n").unwrap();
    fs::write(dir.path().join("team-b/td.json"), BAD_SIZE).unwrap();
    let out = run(dir.path(), &["check", "--format", "json", "."]);
    let found = severities(&out);
    assert!(found.contains(&("web.json".to_string(), "warning".to_string())), "{found:?}");
    assert!(!found.iter().any(|(f, _)| f.starts_with("team-b/")), "team-b's config turns everything off: {found:?}");
    // The command line still wins over every config file.
    let out = run(dir.path(), &["check", "--format", "json", "--rule", "ECS-COR-001=error", "."]);
    assert!(severities(&out).contains(&("team-b/td.json".to_string(), "error".to_string())));
    // A broken nested config is an error for its files (exit 2); the other files are linted.
    fs::write(dir.path().join("team-b/ecslint.toml"), "[rulez]\n").unwrap();
    let out = run(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("invalid config") && text.contains("rulez"), "{text}");
    assert!(severities(&out).contains(&("web.json".to_string(), "warning".to_string())));
}

#[test]
fn nested_ignore_entries_apply_to_their_files() {
    let dir = project("");
    fs::create_dir_all(dir.path().join("team-b")).unwrap();
    let ignore = "[[ignore]]\nrule = \"invalid-fargate-cpu-memory\"\npath = \"*.json\"\nreason = \"sized by the platform team\"\n";
    fs::write(dir.path().join("team-b/ecslint.toml"), ignore).unwrap();
    fs::write(dir.path().join("team-b/td.json"), BAD_SIZE).unwrap();
    let out = run(dir.path(), &["check", "--format", "json", "."]);
    let files: Vec<String> = severities(&out).into_iter().map(|(f, _)| f).collect();
    assert!(files.contains(&"web.json".to_string()), "{files:?}");
    assert!(!files.contains(&"team-b/td.json".to_string()), "team-b's [[ignore]] hides its own finding: {files:?}");
}
