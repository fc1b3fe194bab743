//! End-to-end tests through the binary: arguments, output formats, exit codes, bad input.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;

/// A clean, hardened task definition: no finding of any severity.
const GOOD: &str = include_str!("fixtures/hardened-taskdef.json");

/// GOOD with one mistake: 512 CPU units with 512 MiB is not a Fargate size (line 6, column 13).
const BAD: &str = include_str!("fixtures/bad-fargate-size.json");

fn ecslint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally (no signal, no panic abort)")
}

fn no_panic(o: &Output) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked"), "panic: {err}");
}

fn project(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
    }
    dir
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(o)).expect("valid JSON output")
}

fn codes(o: &Output) -> Vec<String> {
    json(o)["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect()
}

#[test]
fn clean_file_exits_zero_and_bad_file_exits_one() {
    let dir = project(&[("good.json", GOOD.as_bytes()), ("bad.json", BAD.as_bytes())]);
    let good = ecslint(dir.path(), &["check", "good.json"]);
    assert_eq!(code(&good), 0, "{}", stdout(&good));
    assert!(stdout(&good).contains("no problems in 1 ECS file"));
    let bad = ecslint(dir.path(), &["check", "bad.json"]);
    assert_eq!(code(&bad), 1);
    let text = stdout(&bad);
    assert!(text.contains("ECS-COR-001(invalid-fargate-cpu-memory)"), "{text}");
    assert!(text.contains("bad.json:6:13"), "{text}");
    assert!(text.contains("rules/ECS-COR-001.md"), "link to the rule page: {text}");
    assert!(!text.contains('\u{1b}'), "no colour when stdout is not a terminal");
}

#[test]
fn default_path_is_the_current_directory() {
    let dir = project(&[("svc/taskdef.json", BAD.as_bytes())]);
    let out = ecslint(dir.path(), &["check", "--format", "concise"]);
    assert_eq!(code(&out), 1);
    assert!(
        stdout(&out).starts_with("svc/taskdef.json:6:13: error ECS-COR-001 invalid-fargate-cpu-memory: "),
        "{}",
        stdout(&out)
    );
}

#[test]
fn json_output_follows_the_published_schema() {
    let dir = project(&[("bad.json", BAD.as_bytes()), ("broken.json", b"{\"family\": ")]);
    let out = ecslint(dir.path(), &["check", "--format", "json", "bad.json", "broken.json"]);
    assert_eq!(code(&out), 1);
    let value = json(&out);
    let schema: serde_json::Value = serde_json::from_str(include_str!("../schemas/output.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&value).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let first = &value["diagnostics"][0];
    assert_eq!(first["file"], "bad.json");
    assert_eq!(first["pointer"], "/memory");
    assert_eq!((first["line"].as_u64(), first["column"].as_u64()), (Some(6), Some(13)));
    assert_eq!(first["category"], "correctness");
    assert_eq!(value["summary"]["files"], 2);
    assert_eq!(value["summary"]["errors"], 2);
}

#[test]
fn fail_on_and_exit_zero() {
    let bom = [b"\xef\xbb\xbf".as_slice(), GOOD.as_bytes()].concat();
    let dir = project(&[("bom.json", &bom)]);
    assert_eq!(code(&ecslint(dir.path(), &["check", "bom.json"])), 0, "a warning does not fail by default");
    assert_eq!(code(&ecslint(dir.path(), &["check", "--fail-on", "warning", "bom.json"])), 1);
    let dir = project(&[("bad.json", BAD.as_bytes())]);
    assert_eq!(code(&ecslint(dir.path(), &["check", "--exit-zero", "bad.json"])), 0);
}

#[test]
fn usage_errors_exit_two() {
    let dir = project(&[]);
    assert_eq!(code(&ecslint(dir.path(), &["check", "--format", "xml"])), 2);
    assert_eq!(code(&ecslint(dir.path(), &["frobnicate"])), 2);
    let unknown = ecslint(dir.path(), &["rule", "no-such-rule"]);
    assert_eq!(code(&unknown), 2);
}

#[test]
fn rule_and_rules_commands() {
    let dir = project(&[]);
    let page = ecslint(dir.path(), &["rule", "invalid-fargate-cpu-memory"]);
    assert_eq!(code(&page), 0);
    assert!(stdout(&page).starts_with("# invalid-fargate-cpu-memory (ECS-COR-001)"));
    let by_code = ecslint(dir.path(), &["rule", "ecs-cor-001"]);
    assert_eq!(stdout(&by_code), stdout(&page));
    let list = ecslint(dir.path(), &["rules"]);
    assert_eq!(code(&list), 0);
    assert_eq!(stdout(&list).lines().count(), ecslint::rules::ALL.len());
    let listed: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&ecslint(dir.path(), &["rules", "--format", "json"]))).unwrap();
    assert_eq!(listed.len(), ecslint::rules::ALL.len());
    assert!(listed.iter().all(|r| r["code"].is_string() && r["severity"].is_string() && r["category"].is_string()));
}

#[test]
fn walking_respects_gitignore_and_detects_by_content() {
    let dir = project(&[
        (".gitignore", b"generated/\n"),
        ("generated/bad.json", BAD.as_bytes()),
        ("package.json", br#"{"name": "x", "version": "1.0.0"}"#),
        ("tsconfig.json", b"{ // comments\n}"),
        ("deploy/web.json", BAD.as_bytes()),
    ]);
    let out = ecslint(dir.path(), &["check", "--format", "json", "."]);
    let value = json(&out);
    let files: Vec<&str> =
        value["diagnostics"].as_array().unwrap().iter().map(|d| d["file"].as_str().unwrap()).collect();
    assert_eq!(files, ["deploy/web.json"], "ignored, unrelated and non-ECS broken JSON stay quiet when walked");
    assert_eq!(value["summary"]["files"], 1);
}

#[test]
fn explicit_non_ecs_json_is_reported_as_info() {
    let dir = project(&[("package.json", br#"{"name": "x"}"#)]);
    let out = ecslint(dir.path(), &["check", "--format", "json", "package.json"]);
    assert_eq!(code(&out), 0);
    assert_eq!(codes(&out), ["ECS-SCH-011"]);
    assert_eq!(json(&out)["diagnostics"][0]["severity"], "info");
}

#[test]
fn each_shape_is_recognised() {
    let describe = format!(r#"{{"taskDefinition": {}, "tags": []}}"#, BAD.trim());
    let array = r#"[{"name": "app", "image": "nginx:1.27", "memory": 256, "memoryReservation": 512}]"#;
    let dir = project(&[("describe.json", describe.as_bytes()), ("containers.json", array.as_bytes())]);
    let out = ecslint(dir.path(), &["check", "--format", "json", "describe.json", "containers.json"]);
    let value = json(&out);
    let pointers: Vec<(&str, &str)> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["file"].as_str().unwrap(), d["pointer"].as_str().unwrap()))
        .collect();
    assert!(pointers.contains(&("describe.json", "/taskDefinition/memory")), "{pointers:?}");
    assert!(pointers.contains(&("describe.json", "/taskDefinition")), "{pointers:?}");
    assert_eq!(value["summary"]["files"], 2);
}

#[test]
fn fix_unwraps_describe_output_idempotently() {
    let describe = r#"{
  "taskDefinition": {
    "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
    "family": "web",
    "containerDefinitions": [{"name": "app", "image": "nginx:1.27", "memory": 256}],
    "revision": 3,
    "status": "ACTIVE",
    "compatibilities": ["EC2"],
    "registeredAt": "2026-10-02T09:14:51.233000+00:00"
  },
  "tags": []
}
"#;
    let dir = project(&[("td.json", describe.as_bytes())]);
    let before = ecslint(dir.path(), &["check", "--format", "json", "td.json"]);
    assert!(codes(&before).iter().filter(|c| *c == "ECS-SCH-003").count() >= 5);
    let fixed = ecslint(dir.path(), &["check", "--fix", "--format", "json", "td.json"]);
    assert_eq!(code(&fixed), 0, "{}", stdout(&fixed));
    assert_eq!(json(&fixed)["summary"]["fixed"], 1);
    let text = fs::read_to_string(dir.path().join("td.json")).unwrap();
    assert_eq!(
        text,
        "{\n  \"family\": \"web\",\n  \"containerDefinitions\": [{\"name\": \"app\", \"image\": \"nginx:1.27\", \"memory\": 256}]\n}\n"
    );
    let again = ecslint(dir.path(), &["check", "--fix", "--format", "json", "td.json"]);
    assert_eq!(json(&again)["summary"]["fixed"], 0);
    assert_eq!(fs::read_to_string(dir.path().join("td.json")).unwrap(), text);
    let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
}

#[test]
fn stdin_is_linted_as_the_named_file() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .args(["check", "--format", "concise", "--stdin-filename", "deploy/web.json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(BAD.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).starts_with("deploy/web.json:6:13: error ECS-COR-001"), "{}", stdout(&out));
}

/// Every kind of bad input: a clear message, the run goes on, the documented exit code.
#[test]
fn bad_input_is_reported_and_the_run_goes_on() {
    let deep = "[".repeat(100_000);
    let cases: &[(&str, &[u8], &str)] = &[
        ("malformed.json", b"{\"family\": \"a\",}", "trailing commas are not allowed"),
        ("empty.json", b"", "the file is empty"),
        ("blank.json", b" \n\t \r\n", "the file is empty"),
        ("latin1.json", b"{\"family\": \"caf\xe9\"}", "not valid UTF-8"),
        ("binary.json", b"\x00\x01\x02\xff\xfe", "binary"),
        ("utf16.json", b"\xff\xfe{\x00}\x00", "UTF-16"),
        ("deep.json", deep.as_bytes(), "nests deeper than 256 levels"),
        (
            "huge-number.json",
            b"{\"family\": \"a\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"b\", \"memory\": 1e400}]}",
            "out of range",
        ),
        ("unterminated.json", b"{\"family\": \"a", "unterminated string"),
    ];
    let mut files: Vec<(&str, &[u8])> = cases.iter().map(|(n, c, _)| (*n, *c)).collect();
    files.push(("good.json", GOOD.as_bytes()));
    files.push(("bad.json", BAD.as_bytes()));
    let dir = project(&files);
    let mut args = vec!["check", "--format", "json"];
    args.extend(files.iter().map(|(n, _)| *n));
    let out = ecslint(dir.path(), &args);
    no_panic(&out);
    assert_eq!(code(&out), 1, "content problems are findings (exit 1)");
    let value = json(&out);
    let diagnostics = value["diagnostics"].as_array().unwrap();
    for (name, _, expected) in cases {
        let d = diagnostics.iter().find(|d| d["file"] == *name).unwrap_or_else(|| panic!("{name} not reported"));
        assert_eq!(d["code"], "ECS-SCH-001", "{name}");
        assert!(d["message"].as_str().unwrap().contains(expected), "{name}: {}", d["message"]);
    }
    assert!(
        diagnostics.iter().any(|d| d["file"] == "bad.json" && d["code"] == "ECS-COR-001"),
        "other files still linted"
    );
}

#[test]
fn bom_and_crlf_keep_positions_right() {
    let crlf = BAD.replace('\n', "\r\n");
    let bom = [b"\xef\xbb\xbf".as_slice(), BAD.as_bytes()].concat();
    let dir = project(&[("crlf.json", crlf.as_bytes()), ("bom.json", &bom)]);
    let out = ecslint(dir.path(), &["check", "--format", "concise", "crlf.json", "bom.json"]);
    let text = stdout(&out);
    assert!(text.contains("crlf.json:6:13: error ECS-COR-001"), "{text}");
    assert!(text.contains("bom.json:6:13: error ECS-COR-001"), "{text}");
    assert!(text.contains("bom.json:1:1: warning ECS-SCH-010"), "{text}");
}

#[test]
fn huge_files_are_refused_without_reading_them() {
    let dir = project(&[("good.json", GOOD.as_bytes())]);
    let huge = fs::File::create(dir.path().join("huge.json")).unwrap();
    huge.set_len(100 * 1024 * 1024).unwrap();
    let out = ecslint(dir.path(), &["check", "--format", "json", "huge.json", "good.json"]);
    no_panic(&out);
    assert_eq!(code(&out), 1);
    let message = json(&out)["diagnostics"][0]["message"].as_str().unwrap().to_string();
    assert!(message.contains("100.0 MiB, above the 32.0 MiB limit"), "{message}");
    assert_eq!(json(&out)["summary"]["files"], 1);
}

#[test]
fn missing_and_unreadable_paths_exit_two_after_linting_the_rest() {
    let dir = project(&[("bad.json", BAD.as_bytes())]);
    std::os::unix::fs::symlink("/nonexistent/target.json", dir.path().join("dangling.json")).unwrap();
    fs::create_dir(dir.path().join("dir.json")).unwrap();
    let out = ecslint(dir.path(), &["check", "--format", "json", "missing.json", "dangling.json", "bad.json"]);
    no_panic(&out);
    assert_eq!(code(&out), 2);
    let value = json(&out);
    let by_file = |f: &str| value["diagnostics"].as_array().unwrap().iter().find(|d| d["file"] == f).cloned().unwrap();
    assert_eq!(by_file("missing.json")["code"], "ECS-SCH-012");
    assert!(by_file("missing.json")["message"].as_str().unwrap().contains("no such file or directory"));
    assert_eq!(by_file("dangling.json")["code"], "ECS-SCH-012");
    assert_eq!(by_file("bad.json")["code"], "ECS-COR-001");
}

#[test]
fn permission_denied_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir =
        project(&[("secret.json", GOOD.as_bytes()), ("locked/td.json", BAD.as_bytes()), ("bad.json", BAD.as_bytes())]);
    fs::set_permissions(dir.path().join("secret.json"), fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(dir.path().join("locked"), fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(dir.path().join("secret.json")).is_ok() {
        // Running as root: permissions do not apply; the dangling-symlink test covers I/O errors.
        fs::set_permissions(dir.path().join("locked"), fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let out = ecslint(dir.path(), &["check", "--format", "json", "secret.json", "locked", "bad.json"]);
    fs::set_permissions(dir.path().join("locked"), fs::Permissions::from_mode(0o755)).unwrap();
    no_panic(&out);
    assert_eq!(code(&out), 2);
    let text = stdout(&out);
    assert!(text.contains("permission denied"), "{text}");
    assert!(text.contains("ECS-COR-001"), "{text}");
}

#[test]
fn symlink_loops_are_reported_not_followed_forever() {
    let dir = project(&[("tree/bad.json", BAD.as_bytes())]);
    std::os::unix::fs::symlink("..", dir.path().join("tree/loop")).unwrap();
    std::os::unix::fs::symlink("self.json", dir.path().join("self.json")).unwrap();
    let out = ecslint(dir.path(), &["check", "--format", "json", "self.json", "."]);
    no_panic(&out);
    assert_eq!(code(&out), 2);
    let value = json(&out);
    let messages: Vec<&str> =
        value["diagnostics"].as_array().unwrap().iter().map(|d| d["message"].as_str().unwrap()).collect();
    assert!(messages.iter().any(|m| m.contains("symlink loop") || m.contains("symbolic links")), "{messages:?}");
    assert!(value["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "ECS-COR-001"));
}

#[test]
fn output_is_deterministic() {
    let files: Vec<(String, &[u8])> = (0..40).map(|i| (format!("d{}/td{i}.json", i % 7), BAD.as_bytes())).collect();
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, c)| (n.as_str(), *c)).collect();
    let dir = project(&refs);
    let first = stdout(&ecslint(dir.path(), &["check", "--format", "concise"]));
    for _ in 0..3 {
        assert_eq!(stdout(&ecslint(dir.path(), &["check", "--format", "concise"])), first);
    }
    let lines: Vec<&str> = first.lines().collect();
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted);
}

const SERVICE: &str = r#"{
  "serviceName": "web",
  "taskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:12",
  "desiredCount": 2,
  "launchType": "FARGATE"
}
"#;

#[test]
fn a_service_is_checked_with_its_task_definition_in_every_format() {
    let dir = project(&[("svc/service.json", SERVICE.as_bytes()), ("td/web.json", GOOD.as_bytes())]);
    let out = ecslint(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(code(&out), 1);
    let value = json(&out);
    let d = value["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "ECS-COR-048").cloned().unwrap();
    assert_eq!(d["file"], "svc/service.json");
    assert_eq!(d["related"][0]["file"], "td/web.json");
    assert_eq!(d["related"][0]["pointer"], "/networkMode");
    assert_eq!((d["related"][0]["line"].as_u64(), d["related"][0]["column"].as_u64()), (Some(4), Some(18)));
    let concise = stdout(&ecslint(dir.path(), &["check", "--format", "concise", "."]));
    assert!(
        concise.contains("svc/service.json:1:1: error ECS-COR-048") && concise.contains("(see td/web.json:4:18)"),
        "{concise}"
    );
    let human = stdout(&ecslint(dir.path(), &["check", "."]));
    assert!(human.contains("related: network mode awsvpc set here (td/web.json:4:18)"), "{human}");
    // Without the task definition in the run, cross-file checks stay silent.
    let alone = ecslint(dir.path(), &["check", "--format", "json", "svc/service.json"]);
    assert!(codes(&alone).iter().all(|c| c != "ECS-COR-048"));
}

#[test]
fn describe_services_output_is_reported_and_fixed() {
    let described = r#"{
  "services": [
    {
      "serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/prod/web",
      "serviceName": "web",
      "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
      "desiredCount": 2,
      "runningCount": 2
    }
  ],
  "failures": []
}
"#;
    let dir = project(&[("service.json", described.as_bytes())]);
    let before = ecslint(dir.path(), &["check", "--format", "json", "service.json"]);
    assert_eq!(codes(&before).iter().filter(|c| *c == "ECS-SCH-013").count(), 4);
    let fixed = ecslint(dir.path(), &["check", "--fix", "--format", "json", "service.json"]);
    assert_eq!(code(&fixed), 0, "{}", stdout(&fixed));
    let text = fs::read_to_string(dir.path().join("service.json")).unwrap();
    assert_eq!(text, "{\n  \"serviceName\": \"web\",\n  \"desiredCount\": 2\n}\n");
}
