//! A run over the real-world files in `../shared/corpus`: never a crash, never a panic, and the
//! per-rule finding counts recorded in a snapshot so every change in behaviour is visible.
//! Skipped when the corpus folder is absent, so the project's own tests pass anywhere.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

fn corpus() -> Option<&'static Path> {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
    path.is_dir().then_some(path)
}

#[test]
fn corpus_runs_without_crash_and_counts_are_stable() {
    let Some(corpus) = corpus() else {
        eprintln!("skipped: ../shared/corpus is absent");
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .args(["check", "--format", "json", "taskdefs", "services", "cloudformation", "peer-fixtures"])
        .current_dir(corpus)
        .output()
        .expect("binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let code = out.status.code().expect("no signal");
    assert!(code == 0 || code == 1, "exit {code}: {stderr}");
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for d in value["diagnostics"].as_array().unwrap() {
        *counts.entry(format!("{} {}", d["code"].as_str().unwrap(), d["name"].as_str().unwrap())).or_default() += 1;
    }
    let mut text = format!("ECS files linted: {}\n", value["summary"]["files"]);
    for (rule, n) in counts {
        text.push_str(&format!("{n:>5}  {rule}\n"));
    }
    insta::assert_snapshot!("corpus_counts", text);
}
