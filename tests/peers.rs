//! Conformance with peers' own test suites: checkov's and cfn-lint's ECS fixtures in
//! `../shared/corpus/peer-fixtures` with their expected results (`EXPECTED.tsv`). For every
//! fixture whose check ecslint also implements, ecslint must agree per resource — except where
//! the peer is demonstrably wrong or checks less than AWS enforces, each listed below with the
//! reason. checkov's Terraform fixtures are HCL; ecslint reads plans, so each was written out by
//! hand as the plan `terraform show -json` prints (`tests/fixtures/peers/terraform`).
//! Skipped when the corpus folder is absent.

use ecslint::input::json::{Node, NodeKind};
use ecslint::{RunOptions, Settings, lint_paths};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// checkov check → the ecslint rule that checks the same thing.
const CHECKOV: [(&str, &str); 10] = [
    ("CKV_AWS_65", "ECS-SEC-035"),  // cluster Container Insights
    ("CKV_AWS_97", "ECS-SEC-013"),  // EFS volume encryption in transit
    ("CKV_AWS_223", "ECS-SEC-036"), // ECS Exec logging
    ("CKV_AWS_224", "ECS-SEC-037"), // ECS Exec logs encrypted with a customer key
    ("CKV_AWS_249", "ECS-SEC-014"), // task role differs from execution role
    ("CKV_AWS_332", "ECS-SEC-025"), // Fargate platform version
    ("CKV_AWS_333", "ECS-SEC-024"), // public IP
    ("CKV_AWS_334", "ECS-SEC-001"), // privileged
    ("CKV_AWS_335", "ECS-SEC-002"), // host PID namespace
    ("CKV_AWS_336", "ECS-SEC-006"), // read-only root filesystem
];

/// cfn-lint rule → the ecslint rule that checks the same thing.
const CFN_LINT: [(&str, &str); 5] = [
    ("E3042", "ECS-COR-006"), // at least one essential container
    ("E3044", "ECS-COR-055"), // DAEMON with Fargate / CODE_DEPLOY
    ("E3047", "ECS-COR-001"), // Fargate CPU/memory pairs
    ("E3052", "ECS-COR-048"), // awsvpc needs NetworkConfiguration
    ("E3054", "ECS-COR-051"), // Fargate service, task definition without FARGATE
];

/// Where ecslint disagrees on purpose: (fixture name fragment, peer check, resource, whether
/// ecslint reports it, why).
const DISAGREEMENTS: [(&str, &str, &str, bool, &str); 3] = [
    (
        "ecs_service.yaml",
        "E3052",
        "FargateServiceNoCompat",
        true,
        "cfn-lint's E3052 checks one direction only (awsvpc without NetworkConfiguration); ECS also rejects a \
         NetworkConfiguration for a bridge task definition: \"Network Configuration is not valid for the given \
         networkMode of this task definition.\"",
    ),
    (
        "cfn-gather.yaml",
        "E3052",
        "FargateService",
        true,
        "same as above: the service sets NetworkConfiguration for a bridge-mode task definition, which ECS rejects",
    ),
    (
        "ECSServiceFargateLatest",
        "CKV_AWS_332",
        "aws_ecs_service.fail",
        false,
        "checkov wants the literal `LATEST`; `1.4.0` is the latest Linux Fargate platform version \
         (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html, checked \
         2026-11-23), which AWS Security Hub ECS.10 passes: pinning the latest version is not outdated",
    ),
];

fn corpus() -> Option<PathBuf> {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
    path.is_dir().then(|| path.to_path_buf())
}

/// Resources (logical ID or Terraform address) on which ecslint reports `code`.
fn flagged(file: &Path, code: &str) -> BTreeSet<String> {
    let report = lint_paths(&[file.to_path_buf()], &Settings::default(), RunOptions::default());
    let plan: Option<serde_json::Value> = file
        .to_string_lossy()
        .ends_with(".plan.json")
        .then(|| serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap());
    report
        .diagnostics
        .iter()
        .filter(|d| d.rule.code == code)
        .filter_map(|d| resource_of(&d.pointer, plan.as_ref()))
        .collect()
}

/// `/Resources/<id>/…` → `id`; `/resource_changes/<n>/…` → that change's address.
fn resource_of(pointer: &str, plan: Option<&serde_json::Value>) -> Option<String> {
    let mut parts = pointer.split('/').skip(1);
    match (parts.next()?, parts.next()?) {
        ("Resources", id) => Some(id.replace("~1", "/").replace("~0", "~")),
        ("resource_changes", n) => {
            plan?["resource_changes"][n.parse::<usize>().ok()?]["address"].as_str().map(String::from)
        }
        _ => None,
    }
}

/// Rows of a peer's EXPECTED.tsv (header skipped).
fn expected(corpus: &Path, peer: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(corpus.join("peer-fixtures").join(peer).join("EXPECTED.tsv")).unwrap();
    text.lines().skip(1).map(|l| l.split('\t').map(String::from).collect()).collect()
}

fn disagreement(fixture: &str, check: &str, resource: &str) -> Option<&'static str> {
    DISAGREEMENTS.iter().find(|(f, c, r, _, _)| fixture.contains(f) && *c == check && *r == resource).map(|d| d.4)
}

/// The file ecslint lints for a checkov fixture: the fixture itself, or the plan written for it.
fn checkov_target(corpus: &Path, fixture: &str) -> PathBuf {
    if fixture.ends_with(".tf") {
        // `…example_ECSContainerPrivilege--main.tf` → the hand-written plan of that fixture.
        let name = fixture.rsplit("example_").next().unwrap().trim_end_matches("--main.tf");
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/peers/terraform/{name}.plan.json"))
    } else {
        corpus.join(fixture)
    }
}

#[test]
fn agrees_with_checkov_on_its_fixtures() {
    let Some(corpus) = corpus() else { return eprintln!("skipped: ../shared/corpus is absent") };
    let mut table = Vec::new();
    let mut problems = Vec::new();
    for row in expected(&corpus, "checkov") {
        let [fixture, check, resource, outcome, ..] = row.as_slice() else { continue };
        let Some((_, code)) = CHECKOV.iter().find(|(c, _)| c == check) else { continue };
        let file = checkov_target(&corpus, fixture);
        // `AWS::ECS::Cluster.ECSCluster` → `ECSCluster`; Terraform addresses stay as they are.
        let id = if resource.starts_with("AWS::") { resource.rsplit('.').next().unwrap() } else { resource };
        let fired = flagged(&file, code).contains(id);
        let agree = fired == (outcome == "FAILED");
        table
            .push(format!("{check:<12} {code:<12} {id:<32} {outcome:<8} {}", if agree { "agree" } else { "DISAGREE" }));
        if !agree && disagreement(fixture, check, id).is_none() {
            problems.push(format!("{check} ({code}) on {id} in {fixture}: checkov {outcome}, ecslint fired={fired}"));
        }
    }
    eprintln!("{}", table.join("\n"));
    assert!(table.len() >= 30, "every checkov row with an ecslint rule is compared ({} rows)", table.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The logical IDs of a template's resources with the line range each spans.
fn resource_lines(text: &str) -> Vec<(String, usize, usize)> {
    let parsed = ecslint::input::yaml::parse(text, 0).expect("fixture parses");
    let line = |offset: usize| text[..offset].matches('\n').count() + 1;
    let Some(Node { kind: NodeKind::Object(resources), .. }) = parsed.root.get("Resources") else { return Vec::new() };
    resources.iter().map(|m| (m.key.clone(), line(m.key_span.start), line(m.value.span.end))).collect()
}

#[test]
fn agrees_with_cfn_lint_on_its_fixtures() {
    let Some(corpus) = corpus() else { return eprintln!("skipped: ../shared/corpus is absent") };
    let mut table = Vec::new();
    let mut problems = Vec::new();
    for row in expected(&corpus, "cfn-lint") {
        let [fixture, rule, count, basis, ..] = row.as_slice() else { continue };
        let Some((_, code)) = CFN_LINT.iter().find(|(r, _)| r == rule) else { continue };
        let file = corpus.join(fixture);
        let ours = flagged(&file, code);
        // Snapshot fixtures name the lines of each match: compare resource by resource.
        let theirs: BTreeSet<String> = match basis.split("results file ").nth(1).and_then(|r| r.split(' ').next()) {
            Some(results) => {
                let matches: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(corpus.join(results)).unwrap()).unwrap();
                let lines = resource_lines(&std::fs::read_to_string(&file).unwrap());
                let of_line = |l: usize| lines.iter().find(|(_, a, b)| (*a..=*b).contains(&l)).map(|r| r.0.clone());
                matches
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|m| m["rule_id"] == rule.as_str() || m["Rule"]["Id"] == rule.as_str())
                    .filter_map(|m| m["line"].as_u64().or(m["Location"]["Start"]["LineNumber"].as_u64()))
                    .filter_map(|l| of_line(l as usize))
                    .collect()
            }
            // Unit-test fixtures give only a count: compare whether the rule fires at all.
            None if count != "0" => {
                ours.iter().cloned().chain(ours.is_empty().then(|| "(some resource)".into())).collect()
            }
            None => BTreeSet::new(),
        };
        let all: BTreeSet<&String> = theirs.iter().chain(&ours).collect();
        for resource in all {
            let (peer, we) = (theirs.contains(resource), ours.contains(resource));
            let agree = peer == we;
            let name = fixture.rsplit("--").next().unwrap();
            table.push(format!(
                "{rule:<6} {code:<12} {name:<45} {resource:<36} peer={peer:<5} ecslint={we:<5} {}",
                if agree { "agree" } else { "DISAGREE" }
            ));
            if !agree && disagreement(fixture, rule, resource).is_none() {
                problems.push(format!("{rule} ({code}) on {resource} in {fixture}: cfn-lint {peer}, ecslint {we}"));
            }
        }
        if theirs.is_empty() && ours.is_empty() {
            let name = fixture.rsplit("--").next().unwrap();
            table.push(format!("{rule:<6} {code:<12} {name:<45} {:<36} peer=false ecslint=false agree", "(none)"));
        }
    }
    eprintln!("{}", table.join("\n"));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_documented_disagreement_still_happens() {
    let Some(corpus) = corpus() else { return };
    let map: BTreeMap<&str, &str> = CFN_LINT.into_iter().chain(CHECKOV).collect();
    let rows: Vec<String> = ["cfn-lint", "checkov"]
        .into_iter()
        .flat_map(|peer| expected(&corpus, peer))
        .filter_map(|row| row.first().cloned())
        .collect();
    for (fragment, check, resource, fires, _) in DISAGREEMENTS {
        let fixture = rows.iter().find(|f| f.contains(fragment)).expect("fixture listed in EXPECTED.tsv");
        let file = if fixture.contains("checkov") { checkov_target(&corpus, fixture) } else { corpus.join(fixture) };
        let fired = flagged(&file, map[check]).contains(resource);
        assert_eq!(fired, fires, "{fragment} {check} {resource}: no longer a disagreement");
    }
}
