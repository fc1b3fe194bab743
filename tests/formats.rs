//! CI output formats through the binary: SARIF valid against the official 2.1.0 schema, GitHub
//! annotations within GitHub's caps, JUnit and GitLab reports, several formats in one run.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// Hardened, with two errors: an invalid Fargate size and a misspelt field.
const BAD: &str = include_str!("fixtures/bad-size-and-typo.json");

const GOOD: &str = include_str!("fixtures/hardened-taskdef.json");

const SERVICE: &str =
    r#"{"serviceName": "web", "taskDefinition": "web:3", "desiredCount": 2, "launchType": "FARGATE"}"#;

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecslint")).args(args).current_dir(dir).output().unwrap()
}

/// A CloudFormation template and a Terraform plan, so every format carries their findings too.
const TEMPLATE: &str = include_str!("../examples/broken/cloudformation-stack.yaml");
const PLAN: &str = include_str!("../examples/broken/terraform-plan.json");

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("deploy")).unwrap();
    fs::write(dir.path().join("deploy/web.json"), BAD).unwrap();
    fs::write(dir.path().join("deploy/service.json"), SERVICE).unwrap();
    dir
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let dir = project();
    fs::create_dir_all(dir.path().join("infra")).unwrap();
    fs::write(dir.path().join("infra/stack.yaml"), TEMPLATE).unwrap();
    fs::write(dir.path().join("infra/plan.json"), PLAN).unwrap();
    let out = run(dir.path(), &["check", "--format", "sarif", "."]);
    assert_eq!(out.status.code(), Some(1));
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let schema_path =
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/schemas-external/sarif-schema-2.1.0.json"));
    if let Ok(text) = fs::read_to_string(schema_path) {
        let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
        let validator = jsonschema::options().should_validate_formats(false).build(&schema).unwrap();
        let errors: Vec<String> =
            validator.iter_errors(&sarif).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{errors:#?}");
    } else {
        eprintln!("official SARIF schema absent (../shared); checked the structure only");
    }
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    let fargate = results.iter().find(|r| r["ruleId"] == "ECS-COR-001").unwrap();
    let location = &fargate["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "deploy/web.json");
    assert_eq!(location["artifactLocation"]["uriBaseId"], "SRCROOT");
    assert_eq!(location["region"]["startLine"], 6);
    let fingerprint = fargate["partialFingerprints"]["ecslintFingerprint/v1"].as_str().unwrap().to_string();
    let index = fargate["ruleIndex"].as_u64().unwrap() as usize;
    let rule = &run["tool"]["driver"]["rules"][index];
    assert_eq!(rule["id"], "ECS-COR-001");
    assert_eq!(rule["name"], "invalid-fargate-cpu-memory");
    assert!(rule["helpUri"].as_str().unwrap().ends_with("rules/ECS-COR-001.md"));
    assert!(rule["help"]["markdown"].as_str().unwrap().starts_with("# invalid-fargate-cpu-memory"));
    let cross = results
        .iter()
        .find(|r| {
            r["ruleId"] == "ECS-COR-048"
                && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "deploy/service.json"
        })
        .unwrap();
    assert_eq!(cross["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"], "deploy/web.json");
    // Templates and plans: results in their files, the pair finding related within the template.
    let in_template = results.iter().find(|r| r["ruleId"] == "ECS-COR-063").unwrap();
    assert_eq!(in_template["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "infra/stack.yaml");
    assert_eq!(in_template["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"], "infra/stack.yaml");
    assert!(results.iter().any(|r| r["ruleId"] == "ECS-SEC-001"
        && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "infra/plan.json"));

    // Fingerprints do not depend on line numbers.
    fs::write(dir.path().join("deploy/web.json"), format!("\n\n\n{BAD}")).unwrap();
    let moved: serde_json::Value = serde_json::from_slice(&run_sarif(dir.path())).unwrap();
    let again =
        moved["runs"][0]["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == "ECS-COR-001").cloned().unwrap();
    assert_eq!(again["locations"][0]["physicalLocation"]["region"]["startLine"], 9);
    assert_eq!(again["partialFingerprints"]["ecslintFingerprint/v1"], fingerprint.as_str());
}

fn run_sarif(dir: &Path) -> Vec<u8> {
    run(dir, &["check", "--format", "sarif", "."]).stdout
}

#[test]
fn github_annotations_respect_the_caps_and_keep_the_report() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..15 {
        fs::write(dir.path().join(format!("td{i:02}.json")), BAD).unwrap();
    }
    let out = run(dir.path(), &["check", "--format", "github", "."]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("ECS-COR-001(invalid-fargate-cpu-memory)"), "the human report comes first");
    let errors: Vec<&str> = text.lines().filter(|l| l.starts_with("::error ")).collect();
    assert_eq!(errors.len(), 10, "at most 10 error annotations per step");
    assert!(
        errors[0].starts_with(
            "::error file=td00.json,line=6,col=13,endLine=6,endColumn=18,title=ECS-COR-001 invalid-fargate-cpu-memory::"
        ),
        "{}",
        errors[0]
    );
    assert!(
        text.lines().any(|l| l.starts_with("::notice title=ecslint::20 more findings were not annotated")),
        "{text}"
    );
}

#[test]
fn junit_and_gitlab_reports() {
    let dir = project();
    fs::write(dir.path().join("deploy/clean.json"), GOOD.replace("\"web\"", "\"clean\"")).unwrap();
    let junit = String::from_utf8(run(dir.path(), &["check", "--format", "junit", "."]).stdout).unwrap();
    assert!(junit.starts_with("<?xml"));
    assert!(junit.contains(r#"<testcase classname="ecslint" name="deploy/clean.json"/>"#), "{junit}");
    assert!(junit.contains(r#"<testcase classname="ecslint" name="deploy/web.json">"#));
    assert!(junit.contains("<failure message=\""));
    assert_eq!(junit.matches("<testcase").count(), 3);

    let gitlab: serde_json::Value =
        serde_json::from_slice(&run(dir.path(), &["check", "--format", "gitlab", "."]).stdout).unwrap();
    let issue = gitlab.as_array().unwrap().iter().find(|i| i["check_name"] == "ECS-COR-001").unwrap();
    assert_eq!(issue["location"]["path"], "deploy/web.json");
    assert_eq!(issue["location"]["lines"]["begin"], 6);
    assert_eq!(issue["severity"], "major");
    assert_eq!(issue["fingerprint"].as_str().unwrap().len(), 16);
}

#[test]
fn several_formats_in_one_run() {
    let dir = project();
    let out = run(
        dir.path(),
        &["check", "--format", "sarif=out/ecslint.sarif", "--format", "json=report.json", "--format", "concise", "."],
    );
    assert_eq!(out.status.code(), Some(1));
    let concise = String::from_utf8(out.stdout).unwrap();
    assert!(concise.contains("deploy/web.json:6:13: error ECS-COR-001"), "{concise}");
    assert!(fs::read_to_string(dir.path().join("report.json")).unwrap().contains("\"version\": 1"));
    assert!(fs::read_to_string(dir.path().join("out/ecslint.sarif")).unwrap().contains("\"version\": \"2.1.0\""));
    let bad_path = run(dir.path(), &["check", "--format", "sarif=report.json/x.sarif", "."]);
    assert_eq!(bad_path.status.code(), Some(2), "a report that cannot be written is an error");
    assert_eq!(run(dir.path(), &["check", "--format", "xml", "."]).status.code(), Some(2));
}
