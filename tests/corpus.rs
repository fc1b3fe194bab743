//! A run over the real-world files in `../shared/corpus`: never a crash, never a panic, and the
//! per-rule finding counts recorded in a snapshot so every change in behaviour is visible.
//! Skipped when the corpus folder is absent, so the project's own tests pass anywhere.
//!
//! The corpus flattens 68 repositories into a few folders (`owner__repo__path` file names). One
//! ecslint run is one project (services link to task definitions by family), so the files are
//! regrouped per repository and each repository is linted as its own run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> Option<&'static Path> {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
    path.is_dir().then_some(path)
}

/// Files of the corpus grouped by their repository (`owner__repo`).
fn repositories(corpus: &Path) -> BTreeMap<String, Vec<PathBuf>> {
    let mut groups: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for folder in ["taskdefs", "services", "cloudformation", "peer-fixtures"] {
        for entry in walk(&corpus.join(folder)) {
            let name = entry.file_name().unwrap_or_default().to_string_lossy().into_owned();
            let repo = name.split("__").take(2).collect::<Vec<_>>().join("__");
            groups.entry(repo).or_default().push(entry);
        }
    }
    groups
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() { out.extend(walk(&path)) } else { out.push(path) }
    }
    out.sort();
    out
}

#[test]
fn corpus_runs_without_crash_and_counts_are_stable() {
    let Some(corpus) = corpus() else {
        eprintln!("skipped: ../shared/corpus is absent");
        return;
    };
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut files = 0;
    for (repo, paths) in repositories(corpus) {
        let dir = tempfile::tempdir().unwrap();
        for path in &paths {
            let relative = path.strip_prefix(corpus).unwrap();
            let link = dir.path().join(relative);
            std::fs::create_dir_all(link.parent().unwrap()).unwrap();
            std::os::unix::fs::symlink(path, link).unwrap();
        }
        let out = Command::new(env!("CARGO_BIN_EXE_ecslint"))
            .args(["check", "--no-config", "--format", "json", "."])
            .current_dir(dir.path())
            .output()
            .expect("binary runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{repo}: {stderr}");
        let code = out.status.code().expect("no signal");
        assert!(code == 0 || code == 1, "{repo}: exit {code}: {stderr}");
        let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        files += value["summary"]["files"].as_u64().unwrap();
        for d in value["diagnostics"].as_array().unwrap() {
            *counts.entry(format!("{} {}", d["code"].as_str().unwrap(), d["name"].as_str().unwrap())).or_default() += 1;
        }
    }
    let mut text = format!("ECS files linted: {files}\n");
    for (rule, n) in counts {
        text.push_str(&format!("{n:>5}  {rule}\n"));
    }
    insta::assert_snapshot!("corpus_counts", text);
}
