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

/// The root-module plan with an `aws_lb_target_group` of type `instance` behind the service.
fn plan_with_target_group(target_type: &str) -> serde_json::Value {
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("fargate-root-module.plan.json")).unwrap()).unwrap();
    let group = serde_json::json!({
        "address": "aws_lb_target_group.web", "mode": "managed", "type": "aws_lb_target_group", "name": "web",
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "change": {
            "actions": ["create"], "before": null,
            "after": {"name": "web", "port": 8080, "protocol": "HTTP", "target_type": target_type,
                      "health_check": [{"port": "traffic-port", "path": "/health", "protocol": "HTTP"}]},
            "after_unknown": {"arn": true, "id": true, "health_check": [{}]}
        }
    });
    plan["resource_changes"].as_array_mut().unwrap().insert(0, group);
    for change in plan["resource_changes"].as_array_mut().unwrap() {
        if change["type"] == "aws_ecs_service" {
            change["change"]["after"]["load_balancer"] = serde_json::json!([{"container_name": "web", "container_port": 8080, "elb_name": "", "target_group_arn": null}]);
            change["change"]["after_unknown"]["load_balancer"] = serde_json::json!([{"target_group_arn": true}]);
        }
    }
    for resource in plan["configuration"]["root_module"]["resources"].as_array_mut().unwrap() {
        if resource["type"] == "aws_ecs_service" {
            resource["expressions"]["load_balancer"] = serde_json::json!([{
                "container_name": {"constant_value": "web"}, "container_port": {"constant_value": 8080},
                "target_group_arn": {"references": ["aws_lb_target_group.web.arn", "aws_lb_target_group.web"]}
            }]);
        }
    }
    plan
}

#[test]
fn target_groups_are_checked_against_the_task_definition() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.json").to_string_lossy().into_owned();
    std::fs::write(&file, plan_with_target_group("instance").to_string()).unwrap();
    let all = findings(&file);
    let mismatch = with_code(&all, "ECS-COR-063");
    assert_eq!(mismatch.len(), 1, "{all:#?}");
    assert!(mismatch[0]["pointer"].as_str().unwrap().contains("/load_balancer/0/target_group_arn"), "{mismatch:#?}");
    std::fs::write(&file, plan_with_target_group("ip").to_string()).unwrap();
    assert!(with_code(&findings(&file), "ECS-COR-063").is_empty());
}

#[test]
fn the_older_policy_attachment_form_reaches_the_role() {
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("fargate-root-module.plan.json")).unwrap()).unwrap();
    let attachment = serde_json::json!({
        "address": "aws_iam_policy_attachment.admin", "mode": "managed", "type": "aws_iam_policy_attachment",
        "name": "admin", "provider_name": "registry.terraform.io/hashicorp/aws",
        "change": {
            "actions": ["create"], "before": null,
            "after": {"name": "admin", "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess",
                      "roles": ["web-prod-task"], "users": null, "groups": null},
            "after_unknown": {"id": true, "roles": [false]}
        }
    });
    plan["resource_changes"].as_array_mut().unwrap().push(attachment);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.json").to_string_lossy().into_owned();
    std::fs::write(&file, plan.to_string()).unwrap();
    let all = findings(&file);
    let admin = with_code(&all, "ECS-SEC-031");
    assert_eq!(admin.len(), 1, "{all:#?}");
    assert!(admin[0]["message"].as_str().unwrap().contains("aws_iam_role.task"), "{admin:#?}");
    assert!(admin[0]["pointer"].as_str().unwrap().ends_with("/policy_arn"), "{admin:#?}");
}
