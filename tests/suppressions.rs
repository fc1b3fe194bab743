//! End-to-end tests of suppressions (in-band tags and labels, `[[ignore]]`) and baselines.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};
use tempfile::TempDir;

/// A hardened task definition whose one container is privileged (ECS-SEC-001, an error).
/// `TAGS` and `LABELS` are replaced by each test.
const TASK: &str = r#"{
  "family": "web",
  "requiresCompatibilities": ["EC2"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "taskRoleArn": "arn:aws:iam::123456789012:role/web-task",
  "executionRoleArn": "arn:aws:iam::123456789012:role/web-execution",
  "runtimePlatform": {"operatingSystemFamily": "LINUX", "cpuArchitecture": "ARM64"},
  "tags": [TAGS],
  "containerDefinitions": [{
    "name": "app",
    "image": "public.ecr.aws/nginx/nginx:1.27@sha256:0d5e4a0b4b7a1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d",
    "user": "101",
    "privileged": true,
    "dockerLabels": {LABELS},
    "readonlyRootFilesystem": true,
    "portMappings": [{"containerPort": 8080, "name": "http"}],
    "healthCheck": {"command": ["CMD-SHELL", "curl -fsS http://localhost:8080/ || exit 1"], "interval": 30, "timeout": 5, "retries": 3},
    "linuxParameters": {"initProcessEnabled": true, "capabilities": {"drop": ["ALL"]}},
    "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "app", "mode": "non-blocking"}}
  }]
}
"#;

fn task(tags: &str, labels: &str) -> String {
    TASK.replace("TAGS", tags).replace("LABELS", labels)
}

fn repo(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .current_dir(dir)
        .args(["check", "--color", "never", "--fail-on", "warning"])
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn concise(dir: &Path, extra: &[&str]) -> (i32, String) {
    let mut args = vec!["-f", "concise", "task.json"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(dir, &args);
    (code, out + &err)
}

#[test]
fn unsuppressed_privileged_fails() {
    let dir = repo(&[("task.json", &task("", ""))]);
    let (code, out) = concise(dir.path(), &[]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("ECS-SEC-001"), "{out}");
}

#[test]
fn task_tag_suppresses_by_name_and_code() {
    for rule in ["privileged-container", "ECS-SEC-001"] {
        let tag = format!(r#"{{"key": "ecslint:ignore:{rule}", "value": "needs /dev/fuse"}}"#);
        let dir = repo(&[("task.json", &task(&tag, ""))]);
        let (code, out) = concise(dir.path(), &[]);
        assert_eq!(code, 0, "{out}");
        assert!(!out.contains("ECS-SEC-001"), "{out}");
        assert!(!out.contains("ECS-SCH-014"), "{out}");
    }
}

#[test]
fn container_tag_suppresses_only_that_container() {
    let tag = r#"{"key": "ecslint:ignore:privileged-container:app", "value": "needs /dev/fuse"}"#;
    let dir = repo(&[("task.json", &task(tag, ""))]);
    assert_eq!(concise(dir.path(), &[]).0, 0);
    let tag = r#"{"key": "ecslint:ignore:privileged-container:sidecar", "value": "x"}"#;
    let dir = repo(&[("task.json", &task(tag, ""))]);
    let (code, out) = concise(dir.path(), &[]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("ECS-SCH-015") && out.contains("no container named `sidecar`"), "{out}");
}

#[test]
fn docker_label_suppresses_with_reason() {
    let dir = repo(&[("task.json", &task("", r#""ecslint.ignore": "privileged-container, ECS-SEC-019: needs fuse""#))]);
    let (code, out) = concise(dir.path(), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("ECS-SEC-001"), "{out}");
    // ECS-SEC-019 (image-tag-latest) does not fire on this pinned image: that part is unused.
    assert!(out.contains("info ECS-SCH-014") && out.contains("suppression of ECS-SEC-019 matched no finding"), "{out}");
    assert!(!out.contains("ECS-SEC-001 matched"), "{out}");
}

#[test]
fn empty_reasons_are_reported_and_suppress_nothing() {
    let dir = repo(&[("task.json", &task(r#"{"key": "ecslint:ignore:privileged-container", "value": " "}"#, ""))]);
    let (code, out) = concise(dir.path(), &[]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("ECS-SCH-015") && out.contains("ECS-SEC-001"), "{out}");
    let dir = repo(&[("task.json", &task("", r#""ecslint.ignore": "privileged-container""#))]);
    let (code, out) = concise(dir.path(), &[]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("ECS-SCH-015") && out.contains("reason"), "{out}");
}

#[test]
fn no_inline_suppressions_ignores_them() {
    let tag = r#"{"key": "ecslint:ignore:privileged-container", "value": "needs /dev/fuse"}"#;
    let dir = repo(&[("task.json", &task(tag, ""))]);
    let (code, out) = concise(dir.path(), &["--no-inline-suppressions"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("ECS-SEC-001") && !out.contains("ECS-SCH-014"), "{out}");
}

#[test]
fn unused_inline_suppression_is_info() {
    let tag = r#"{"key": "ecslint:ignore:host-pid-namespace", "value": "legacy"}"#;
    let dir = repo(&[("task.json", &task(tag, r#""ecslint.ignore": "privileged-container: fuse""#))]);
    let (code, out) = concise(dir.path(), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("task.json:10:") && out.contains("info ECS-SCH-014"), "{out}");
}

#[test]
fn service_tag_suppresses() {
    let service = r#"{"serviceName": "web", "cluster": "prod", "taskDefinition": "web:1", "desiredCount": 0,
      "tags": [{"key": "ecslint:ignore:tags-not-propagated", "value": "parked"}]}"#;
    let dir = repo(&[("task.json", service)]);
    let (_, with) = concise(dir.path(), &[]);
    let (_, without) = concise(dir.path(), &["--no-inline-suppressions"]);
    let rule = ecslint::rules::find("tags-not-propagated").unwrap().meta().code;
    assert!(without.contains(rule), "{without}");
    assert!(!with.contains(rule) && !with.contains("ECS-SCH-014"), "{with}");
}

fn ignore_config(extra: &str) -> String {
    format!("[[ignore]]\nrule = \"privileged-container\"\npath = \"*.json\"\nreason = \"needs fuse\"\n{extra}")
}

#[test]
fn config_ignore_entries() {
    let cases = [
        ("", 0),
        ("container = \"app\"\n", 0),
        ("container = \"other\"\n", 1),
        ("pointer = \"/containerDefinitions/0\"\n", 0),
        ("pointer = \"/containerDefinitions/0/privileged\"\n", 0),
        ("pointer = \"/containerDefinitions/1\"\n", 1),
        ("expires = \"2999-12-31\"\n", 0),
        ("expires = \"2000-01-01\"\n", 1),
    ];
    for (extra, expected) in cases {
        let dir = repo(&[("task.json", &task("", "")), ("ecslint.toml", &ignore_config(extra))]);
        let (code, out) = concise(dir.path(), &[]);
        assert_eq!(code, expected, "{extra}: {out}");
        if extra.contains("2000") {
            assert!(out.contains("suppressed this until 2000-01-01; it has expired"), "{out}");
            assert!(!out.contains("ECS-SCH-014"), "{out}");
        }
        if expected == 1 && !extra.contains("2000") {
            assert!(out.contains("ecslint.toml:1:1: info ECS-SCH-014"), "{out}");
        }
    }
}

#[test]
fn config_ignore_path_is_relative_to_the_config() {
    let config = "[[ignore]]\nrule = \"ECS-SEC-001\"\npath = \"ecs/*.json\"\nreason = \"fuse\"\n";
    let dir = repo(&[("ecs/task.json", &task("", "")), ("ecslint.toml", config)]);
    let (code, out, err) = run(&dir.path().join("ecs"), &["-f", "concise", "task.json"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn bad_ignore_entries_are_config_errors() {
    let cases = [
        ("[[ignore]]\nrule = \"no-such-rule\"\npath = \"*\"\nreason = \"x\"\n", "unknown rule `no-such-rule`"),
        ("[[ignore]]\nrule = \"ECS-SEC-001\"\npath = \"*\"\n", "reason"),
        ("[[ignore]]\nrule = \"ECS-SEC-001\"\npath = \"*\"\nreason = \"  \"\n", "must not be empty"),
        ("[[ignore]]\nrule = \"ECS-SEC-001\"\npath = \"*\"\nreason = \"x\"\nexpires = \"2024-02-30\"\n", "YYYY-MM-DD"),
        ("[[ignore]]\nrule = \"ECS-SEC-001\"\npath = \"a[\"\nreason = \"x\"\n", "invalid glob"),
        ("[[ignore]]\nrule = \"ECS-SEC-001\"\npath = \"*\"\nreason = \"x\"\npointer = \"a/b\"\n", "pointer"),
    ];
    for (config, message) in cases {
        let dir = repo(&[("task.json", &task("", "")), ("ecslint.toml", config)]);
        let (code, out) = concise(dir.path(), &[]);
        assert_eq!(code, 2, "{config}: {out}");
        assert!(out.contains(message), "{config}: {out}");
    }
}

#[test]
fn baseline_round_trip() {
    let dir = repo(&[("task.json", &task("", ""))]);
    let root = dir.path();
    let (code, _, err) = run(root, &["task.json", "--write-baseline", "ecslint-baseline.json"]);
    assert_eq!(code, 0, "{err}");
    let written = fs::read_to_string(root.join("ecslint-baseline.json")).unwrap();
    assert!(written.contains("\"version\": 1") && written.contains("ECS-SEC-001"), "{written}");
    assert!(written.contains("web/containerDefinitions/app/privileged"), "{written}");
    // Stable: writing again gives the same bytes.
    run(root, &["task.json", "--write-baseline", "again.json"]);
    assert_eq!(written, fs::read_to_string(root.join("again.json")).unwrap());

    let (code, out, _) = run(root, &["task.json", "--baseline", "ecslint-baseline.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("1 baselined, 0 new"), "{out}");

    // Lines shift: still matched.
    let shifted = format!("\n\n\n{}", task("", "").replace("\"user\": \"101\",", "\"user\": \"101\",\n\n"));
    fs::write(root.join("task.json"), shifted).unwrap();
    let (code, out, _) = run(root, &["task.json", "--baseline", "ecslint-baseline.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("1 baselined, 0 new"), "{out}");

    // A new finding fails the run; only it is shown.
    let worse =
        task("", "").replace("\"networkMode\": \"awsvpc\"", "\"networkMode\": \"awsvpc\", \"pidMode\": \"host\"");
    fs::write(root.join("task.json"), worse).unwrap();
    let (code, out, _) =
        run(root, &["-f", "concise", "-f", "human", "task.json", "--baseline", "ecslint-baseline.json"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("1 baselined, 1 new") && !out.contains("ECS-SEC-001"), "{out}");

    // Fixed: the entry is stale.
    let fixed = task("", "").replace("\"privileged\": true,", "");
    fs::write(root.join("task.json"), fixed).unwrap();
    let (code, out, _) = run(root, &["task.json", "--baseline", "ecslint-baseline.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 baselined, 0 new") && out.contains("1 stale entry"), "{out}");
    let (_, json, _) = run(root, &["-f", "json", "task.json", "--baseline", "ecslint-baseline.json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["summary"]["stale_baseline"], 1);
    assert_eq!(value["summary"]["baselined"], 0);
    assert_eq!(value["summary"]["new"], 0);
}

#[test]
fn bad_baselines_exit_2() {
    let dir = repo(&[
        ("task.json", &task("", "")),
        ("bad.json", "{\"version\": 1}"),
        ("v9.json", "{\"version\": 9, \"findings\": []}"),
    ]);
    for (file, message) in
        [("missing.json", "cannot read baseline"), ("bad.json", "invalid baseline"), ("v9.json", "version 9")]
    {
        let (code, out, err) = run(dir.path(), &["task.json", "--baseline", file]);
        assert_eq!(code, 2, "{out}{err}");
        assert!(err.contains(message), "{err}");
    }
}
