//! CloudFormation templates end to end: findings point into the template, intrinsics stay
//! silent, parameter defaults are said, `Fn::If` branches must agree, CloudFormation's loose
//! scalars are accepted, services link to the task definition they `Ref`, and `Metadata`
//! suppressions work.

use ecslint::{Settings, lint_source};

/// A hardened Fargate task definition and its service; `EXTRA` goes into the container.
const TEMPLATE: &str = r#"{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {
    "Cpu": {"Type": "Number", "Default": 256},
    "Image": {"Type": "String", "Default": "public.ecr.aws/nginx/nginx:1.27"},
    "Subnet": {"Type": "AWS::EC2::Subnet::Id"}
  },
  "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "AWS::StackName"}, "prod"]}},
  "Resources": {
    "TaskDef": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "RequiresCompatibilities": ["FARGATE"],
        "NetworkMode": "awsvpc",
        "Cpu": {"Ref": "Cpu"},
        "Memory": "512",
        "RuntimePlatform": {"OperatingSystemFamily": "LINUX", "CpuArchitecture": "ARM64"},
        "ExecutionRoleArn": {"Fn::GetAtt": ["ExecRole", "Arn"]},
        "ContainerDefinitions": [{
          "Name": "app",
          "Image": {"Ref": "Image"},
          "Essential": "true",
          "User": "1000",
          "ReadonlyRootFilesystem": true,
          "PortMappings": [{"ContainerPort": "8080"}],
          "HealthCheck": {"Command": ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"]},
          "LinuxParameters": {"InitProcessEnabled": true, "Capabilities": {"Drop": ["ALL"]}},
          "LogConfiguration": {"LogDriver": "awslogs", "Options": {
            "awslogs-group": {"Fn::Sub": "/ecs/${AWS::StackName}"},
            "awslogs-region": {"Ref": "AWS::Region"},
            "awslogs-stream-prefix": "app"}}EXTRA
        }]
      }
    },
    "ExecRole": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
        "ManagedPolicyArns": [{"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"}]
      }
    },
    "Service": {
      "Type": "AWS::ECS::Service",
      "Properties": {
        "TaskDefinition": {"Ref": "TaskDef"},
        "LaunchType": "FARGATE",
        "DesiredCount": 2SERVICE
      }
    }
  }
}
"#;

fn template(extra: &str, service: &str) -> String {
    TEMPLATE.replace("EXTRA", extra).replace("SERVICE", service)
}

/// (code, pointer, message) of every finding.
fn lint(text: &str) -> Vec<(String, String, String)> {
    let report = lint_source("template.json", text.as_bytes().to_vec(), &Settings::default());
    report.diagnostics.iter().map(|d| (d.rule.code.to_string(), d.pointer.clone(), d.message.clone())).collect()
}

fn codes_at<'a>(findings: &'a [(String, String, String)], code: &str) -> Vec<&'a (String, String, String)> {
    findings.iter().filter(|(c, _, _)| c == code).collect()
}

#[test]
fn points_into_the_template() {
    let findings = lint(&template(r#", "Privileged": true"#, ""));
    let privileged = codes_at(&findings, "ECS-COR-023");
    assert_eq!(privileged.len(), 1, "{findings:#?}");
    assert_eq!(privileged[0].1, "/Resources/TaskDef/Properties/ContainerDefinitions/0/Privileged");
}

#[test]
fn a_hardened_template_has_no_schema_noise() {
    let findings = lint(&template("", ""));
    let schema: Vec<_> = findings.iter().filter(|(c, _, _)| c.starts_with("ECS-SCH")).collect();
    assert!(schema.is_empty(), "{schema:#?}");
    // `Essential: "true"` and `ContainerPort: "8080"` are what CloudFormation accepts.
    assert!(codes_at(&findings, "ECS-COR-004").is_empty(), "{findings:#?}");
}

#[test]
fn service_links_to_the_task_definition_it_refs() {
    // awsvpc task definition, service without NetworkConfiguration: AWS rejects it.
    let findings = lint(&template("", ""));
    let missing = codes_at(&findings, "ECS-COR-048");
    assert_eq!(missing.len(), 1, "{findings:#?}");
    assert_eq!(missing[0].1, "/Resources/Service/Properties");
    assert!(missing[0].2.contains("without `NetworkConfiguration`; AWS rejects it"), "{missing:#?}");
    let with = template("", r#", "NetworkConfiguration": {"AwsvpcConfiguration": {"Subnets": [{"Ref": "Subnet"}]}}"#);
    let findings = lint(&with);
    assert!(codes_at(&findings, "ECS-COR-048").is_empty(), "{findings:#?}");
}

#[test]
fn parameter_defaults_are_used_and_said() {
    let text = template("", "").replace(r#""Default": 256"#, r#""Default": 300"#);
    let findings = lint(&text);
    let cpu: Vec<_> = findings.iter().filter(|(_, p, _)| p == "/Resources/TaskDef/Properties/Cpu").collect();
    assert!(!cpu.is_empty(), "{findings:#?}");
    assert!(cpu.iter().all(|(_, _, m)| m.contains("`Default` of parameter `Cpu`")), "{cpu:#?}");
}

#[test]
fn intrinsics_are_silent() {
    let text = template(r#", "Privileged": {"Ref": "Privileged"}, "User": {"Fn::ImportValue": "user"}"#, "")
        .replace(r#""User": "1000","#, "");
    let findings = lint(&text);
    assert!(codes_at(&findings, "ECS-COR-023").is_empty(), "{findings:#?}");
    assert!(codes_at(&findings, "ECS-SEC-007").is_empty(), "{findings:#?}");
}

#[test]
fn conditions_report_only_what_both_branches_agree_on() {
    let differ = template(r#", "Privileged": {"Fn::If": ["IsProd", false, true]}"#, "");
    assert!(codes_at(&lint(&differ), "ECS-COR-023").is_empty());
    let agree = template(r#", "Privileged": {"Fn::If": ["IsProd", true, true]}"#, "");
    assert_eq!(codes_at(&lint(&agree), "ECS-COR-023").len(), 1);
    let maybe_absent = template(r#", "Privileged": {"Fn::If": ["IsProd", true, {"Ref": "AWS::NoValue"}]}"#, "");
    assert!(codes_at(&lint(&maybe_absent), "ECS-COR-023").is_empty());
}

#[test]
fn no_value_removes_the_property() {
    let text = template(r#", "Privileged": {"Ref": "AWS::NoValue"}"#, "");
    assert!(codes_at(&lint(&text), "ECS-COR-023").is_empty());
}

#[test]
fn unknown_properties_quote_cloudformation() {
    let findings = lint(&template(r#", "Privilegd": true"#, ""));
    let unknown = codes_at(&findings, "ECS-SCH-004");
    assert_eq!(unknown.len(), 1, "{findings:#?}");
    assert!(unknown[0].2.contains("extraneous key [Privilegd] is not permitted"), "{unknown:#?}");
    assert_eq!(unknown[0].1, "/Resources/TaskDef/Properties/ContainerDefinitions/0/Privilegd");
}

#[test]
fn metadata_suppresses_with_a_reason() {
    let text = template(r#", "Privileged": true"#, "").replace(
        r#""Type": "AWS::ECS::TaskDefinition","#,
        r#""Type": "AWS::ECS::TaskDefinition", "Metadata": {"ecslint": {"ignore": [{"rule": "ECS-COR-023", "reason": "test fixture"}, {"rule": "ECS-SEC-001", "reason": ""}]}},"#,
    );
    let findings = lint(&text);
    assert!(codes_at(&findings, "ECS-COR-023").is_empty(), "{findings:#?}");
    let invalid = codes_at(&findings, "ECS-SCH-015");
    assert_eq!(invalid.len(), 1, "{findings:#?}");
    assert_eq!(invalid[0].1, "/Resources/TaskDef/Metadata/ecslint/ignore/1");
}

#[test]
fn a_template_without_ecs_resources_is_not_an_ecs_document() {
    let text = r#"{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"B": {"Type": "AWS::S3::Bucket"}}}"#;
    let findings = lint(text);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].0, "ECS-SCH-011");
}

#[test]
fn one_role_as_task_and_execution_role_is_reported() {
    let text = template("", "").replace(
        r#""ExecutionRoleArn": {"Fn::GetAtt": ["ExecRole", "Arn"]},"#,
        r#""ExecutionRoleArn": {"Fn::GetAtt": ["ExecRole", "Arn"]}, "TaskRoleArn": {"Ref": "ExecRole"},"#,
    );
    let findings = lint(&text);
    let same = codes_at(&findings, "ECS-SEC-014");
    assert_eq!(same.len(), 1, "{findings:#?}");
    assert!(same[0].2.contains("same role `ExecRole`"), "{same:#?}");
    assert_eq!(same[0].1, "/Resources/TaskDef/Properties/TaskRoleArn");
}

#[test]
fn task_sets_get_the_rules_that_apply_to_them() {
    let text = template("", "").replace(
        r#""Service": {
      "Type": "AWS::ECS::Service","#,
        r#""TaskSet": {
      "Type": "AWS::ECS::TaskSet","#,
    ).replace(r#""DesiredCount": 2"#, r#""Service": "web", "Cluster": "main", "Scale": {"Unit": "PERCENT", "Value": 100}, "NetworkConfiguration": {"AwsvpcConfiguration": {"Subnets": ["subnet-0123456789abcdef0"], "AssignPublicIp": "ENABLED"}}"#);
    let findings = lint(&text);
    let task_set: Vec<_> = findings.iter().filter(|(_, p, _)| p.starts_with("/Resources/TaskSet")).collect();
    assert!(task_set.iter().all(|(c, _, _)| ecslint::cfn::TASK_SET_RULES.contains(&c.as_str())), "{task_set:#?}");
    assert_eq!(codes_at(&findings, "ECS-SEC-024").len(), 1, "{findings:#?}");
}

#[test]
fn roles_are_analysed_where_the_template_defines_them() {
    let secret = r#", "Secrets": [{"Name": "DB_PASSWORD", "ValueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"}]"#;
    let text = template(secret, "").replace(
        r#""ManagedPolicyArns": [{"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"}]"#,
        r#""ManagedPolicyArns": [{"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"}],
        "Policies": [{"PolicyName": "admin", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}}]"#,
    );
    let findings = lint(&text);
    let wildcard = codes_at(&findings, "ECS-SEC-028");
    assert_eq!(wildcard.len(), 1, "{findings:#?}");
    assert_eq!(wildcard[0].1, "/Resources/ExecRole/Properties/Policies/0/PolicyDocument/Statement/0/Action");
    // The execution role cannot read the secret the container references: the task would not start.
    let unreadable = codes_at(&findings, "ECS-COR-062");
    assert_eq!(unreadable.len(), 1, "{findings:#?}");
    assert!(unreadable[0].1.starts_with("/Resources/ExecRole"), "{unreadable:#?}");
    // A policy that grants exactly the secret makes it readable.
    let granted = text.replace(
        r#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}"#,
        r#"{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"}"#,
    );
    let findings = lint(&granted);
    assert!(codes_at(&findings, "ECS-COR-062").is_empty(), "{findings:#?}");
    assert!(codes_at(&findings, "ECS-SEC-028").is_empty(), "{findings:#?}");
}

/// A YAML template with short-form intrinsics and a non-ASCII character before the finding.
const YAML: &str = "AWSTemplateFormatVersion: '2010-09-09'
Description: Café service — équipe web
Parameters:
  Image:
    Type: String
    Default: public.ecr.aws/nginx/nginx:1.27
Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [EC2]
      NetworkMode: bridge
      ExecutionRoleArn: !GetAtt ExecRole.Arn
      ContainerDefinitions:
        - Name: app
          Image: !Ref Image
          Memory: '256'
          Essential: yes
          Privileged: true
          User: !Sub '${AWS::AccountId}'
  ExecRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
";

#[test]
fn yaml_templates_point_at_the_exact_bytes() {
    let report = lint_source("template.yaml", YAML.as_bytes().to_vec(), &Settings::default());
    let privileged: Vec<_> = report.diagnostics.iter().filter(|d| d.rule.code == "ECS-SEC-001").collect();
    assert_eq!(privileged.len(), 1, "{:#?}", report.diagnostics);
    let d = privileged[0];
    assert_eq!(d.pointer, "/Resources/TaskDef/Properties/ContainerDefinitions/0/Privileged");
    assert_eq!(&YAML[d.span.clone().unwrap()], "true");
    assert_eq!((d.start.line, d.start.column), (19, 23));
    // `Essential: yes` and `Memory: '256'` are what CloudFormation accepts; `!Sub` is opaque.
    let noise: Vec<_> = report.diagnostics.iter().filter(|d| d.rule.category == ecslint::Category::Schema).collect();
    assert!(noise.is_empty(), "{noise:#?}");
    assert!(report.diagnostics.iter().all(|d| d.rule.code != "ECS-SEC-007"), "{:#?}", report.diagnostics);
}

#[test]
fn broken_yaml_is_a_pointed_syntax_error() {
    let report = lint_source("template.yaml", b"Resources:\n  A: [unclosed\n".to_vec(), &Settings::default());
    assert_eq!(report.diagnostics.len(), 1, "{:#?}", report.diagnostics);
    let d = &report.diagnostics[0];
    assert_eq!(d.rule.code, "ECS-SCH-001");
    assert!(d.message.starts_with("invalid YAML"), "{}", d.message);
    assert!(d.span.is_some());
}

#[test]
fn walking_skips_yaml_that_is_not_a_template() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("deploy.yaml"), "apiVersion: apps/v1\nkind: Deployment\n").unwrap();
    std::fs::write(dir.path().join("broken.yml"), "on: [push\n").unwrap();
    std::fs::write(dir.path().join("stack.yaml"), YAML).unwrap();
    std::fs::write(dir.path().join("stack.template"), template("", "")).unwrap();
    let report = ecslint::lint_paths(&[dir.path().to_path_buf()], &Settings::default(), Default::default());
    assert_eq!(report.files, 2, "{:#?}", report.diagnostics);
    assert!(report.diagnostics.iter().all(|d| d.file.ends_with("stack.yaml") || d.file.ends_with("stack.template")));
}

#[test]
fn metadata_suppression_problems_are_reported_once() {
    let text = template("", "").replace(
        r#""AWSTemplateFormatVersion": "2010-09-09","#,
        r#""AWSTemplateFormatVersion": "2010-09-09", "Metadata": {"ecslint": {"ignore": [{"rule": "privileged-container", "reason": "legacy agent"}, {"rule": "no-such-rule", "reason": "x"}]}},"#,
    );
    let findings = lint(&text);
    // A template-wide entry covers every resource: none of them alone can call it unused.
    assert!(codes_at(&findings, "ECS-SCH-014").is_empty(), "{findings:#?}");
    let invalid = codes_at(&findings, "ECS-SCH-015");
    assert_eq!(invalid.len(), 1, "{findings:#?}");
    assert_eq!(invalid[0].1, "/Metadata/ecslint/ignore/1");
    // On a resource, an entry that hides nothing is reported.
    let text = template("", "").replace(
        r#""Type": "AWS::ECS::TaskDefinition","#,
        r#""Type": "AWS::ECS::TaskDefinition", "Metadata": {"ecslint": {"ignore": [{"rule": "ECS-SEC-001", "reason": "legacy agent"}]}},"#,
    );
    let findings = lint(&text);
    let unused = codes_at(&findings, "ECS-SCH-014");
    assert_eq!(unused.len(), 1, "{findings:#?}");
    assert_eq!(unused[0].1, "/Resources/TaskDef/Metadata/ecslint/ignore/0");
}

#[test]
fn baseline_fingerprints_tell_resources_of_one_template_apart() {
    let dir = tempfile::tempdir().unwrap();
    let one = template(r#", "Privileged": true"#, "");
    // A second, identical task definition under another logical ID.
    let start = one.find(r#""TaskDef": {"#).unwrap();
    let end = one.find(r#""ExecRole": {"#).unwrap();
    let two = format!("{}{}{}", &one[..end], one[start..end].replacen("TaskDef", "OtherTaskDef", 1), &one[end..]);
    std::fs::write(dir.path().join("stack.json"), two).unwrap();
    let baseline = dir.path().join("baseline.json");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_ecslint"))
            .current_dir(dir.path())
            .args(["check", "--no-config", "--format", "json"])
            .args(args)
            .arg("stack.json")
            .output()
            .unwrap()
    };
    run(&["--write-baseline", baseline.to_str().unwrap()]);
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&baseline).unwrap()).unwrap();
    let text = written.to_string();
    assert!(text.contains("TaskDef") && text.contains("OtherTaskDef"), "{text}");
    let out = run(&["--baseline", baseline.to_str().unwrap()]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["diagnostics"].as_array().unwrap().len(), 0, "{report:#}");
}

#[test]
fn a_conditional_container_makes_the_container_list_unknown() {
    let text = template("", "").replace(
        r#""ContainerDefinitions": [{"#,
        r#""ContainerDefinitions": [{"Fn::If": ["IsProd", {"Name": "sidecar", "Image": "busybox"}, {"Ref": "AWS::NoValue"}]}, {"#,
    );
    let findings = lint(&text);
    let about_containers: Vec<_> = findings.iter().filter(|(_, p, _)| p.contains("/ContainerDefinitions")).collect();
    assert!(about_containers.is_empty(), "{about_containers:#?}");
}
