//! Turning command-line paths into the files to lint, respecting `.gitignore`.

use std::path::{Path, PathBuf};

/// A file to lint. `explicit` files were named on the command line: every problem with them is
/// reported. Files found by walking are linted only when they turn out to be ECS documents.
#[derive(Debug, Clone)]
pub struct Target {
    pub path: PathBuf,
    pub explicit: bool,
}

/// A path that could not be walked or read.
#[derive(Debug)]
pub struct WalkError {
    pub path: PathBuf,
    pub message: String,
}

/// Extensions considered when walking directories: JSON documents, and CloudFormation templates
/// in YAML or with CloudFormation's own `.template` extension.
const EXTENSIONS: [&str; 4] = ["json", "yaml", "yml", "template"];

/// Expands `paths` into files; directories are walked (hidden entries skipped, `.gitignore`,
/// `.ignore` and `.git/info/exclude` honoured even outside a git repository, symlinks followed).
pub fn discover(paths: &[PathBuf]) -> (Vec<Target>, Vec<WalkError>) {
    let mut targets = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => errors.push(WalkError { path: path.clone(), message: super::read::io_message(&e) }),
            Ok(meta) if meta.is_dir() => walk(path, &mut targets, &mut errors),
            Ok(_) => targets.push(Target { path: path.clone(), explicit: true }),
        }
    }
    targets.sort_by(|a, b| a.path.cmp(&b.path));
    targets.dedup_by(|a, b| a.path == b.path);
    (targets, errors)
}

fn walk(root: &Path, targets: &mut Vec<Target>, errors: &mut Vec<WalkError>) {
    let walker = ignore::WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .ignore(true)
        .require_git(false)
        .follow_links(true)
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.contains(&e)) {
                    targets.push(Target { path: clean(path), explicit: false });
                }
            }
            Err(err) => errors.push(walk_error(root, err)),
        }
    }
}

/// `./a/b.json` → `a/b.json`, so displayed paths are stable.
fn clean(path: &Path) -> PathBuf {
    path.strip_prefix(".").map(Path::to_path_buf).unwrap_or_else(|_| path.to_path_buf())
}

fn walk_error(root: &Path, err: ignore::Error) -> WalkError {
    let mut path = root.to_path_buf();
    let mut current = &err;
    let message;
    loop {
        match current {
            ignore::Error::WithPath { path: p, err } => {
                path = p.clone();
                current = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => current = err,
            ignore::Error::Loop { child, .. } => {
                path = child.clone();
                message = "symlink loop: this link points back to one of its own parent directories".into();
                break;
            }
            ignore::Error::Io(e) => {
                message = super::read::io_message(e);
                break;
            }
            other => {
                message = other.to_string();
                break;
            }
        }
    }
    WalkError { path: clean(&path), message }
}
