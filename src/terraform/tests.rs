//! Tests of the Terraform front-end on small hand-written plans.

use super::resources;
use crate::input::json::{Node, parse};
use crate::model::known::is_placeholder;
use crate::model::{Resource, Shape};
use serde_json::{Value, json};

/// A plan with a task definition, a service, a cluster, two roles, their policies, a deleted
/// task definition, a child module and a resource only in `planned_values`.
const PLAN: &str = r##"{
  "format_version": "1.2",
  "terraform_version": "1.9.5",
  "some_future_field": {"x": 1},
  "planned_values": {"root_module": {"resources": [
    {"address": "aws_ecs_cluster.legacy", "mode": "managed", "type": "aws_ecs_cluster", "name": "legacy",
     "values": {"name": "legacy", "setting": [{"name": "containerInsights", "value": "disabled"}], "tags": null}}
  ]}},
  "resource_changes": [
    {"address": "aws_iam_role.task", "mode": "managed", "type": "aws_iam_role", "name": "task",
     "change": {"actions": ["create"],
       "after": {"name": "app-task", "assume_role_policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}", "tags": null},
       "after_unknown": {"arn": true, "id": true, "inline_policy": true, "managed_policy_arns": true}}},
    {"address": "aws_iam_role.exec", "mode": "managed", "type": "aws_iam_role", "name": "exec",
     "change": {"actions": ["no-op"],
       "after": {"name": "app-exec", "arn": "arn:aws:iam::123456789012:role/app-exec", "assume_role_policy": "{\"Statement\": [}",
         "inline_policy": [{"name": "logs", "policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:*\",\"Resource\":\"*\"}]}"}],
         "managed_policy_arns": ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"]},
       "after_unknown": {}}},
    {"address": "aws_iam_role_policy.task_s3", "mode": "managed", "type": "aws_iam_role_policy", "name": "task_s3",
     "change": {"actions": ["create"],
       "after": {"name": "s3", "policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"},
       "after_unknown": {"id": true, "role": true}}},
    {"address": "aws_iam_policy.extra", "mode": "managed", "type": "aws_iam_policy", "name": "extra",
     "change": {"actions": ["create"],
       "after": {"name": "extra", "policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"}]}"},
       "after_unknown": {"arn": true, "id": true}}},
    {"address": "aws_iam_role_policy_attachment.extra", "mode": "managed", "type": "aws_iam_role_policy_attachment", "name": "extra",
     "change": {"actions": ["create"], "after": {"role": "app-task"}, "after_unknown": {"id": true, "policy_arn": true}}},
    {"address": "aws_iam_role_policy_attachment.admin", "mode": "managed", "type": "aws_iam_role_policy_attachment", "name": "admin",
     "change": {"actions": ["create"], "after": {"policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"},
       "after_unknown": {"id": true, "role": true}}},
    {"address": "aws_ecs_task_definition.web", "mode": "managed", "type": "aws_ecs_task_definition", "name": "web",
     "change": {"actions": ["create"],
       "after": {
         "family": "web", "cpu": "256", "memory": "512", "network_mode": "awsvpc", "requires_compatibilities": ["FARGATE"],
         "pid_mode": null, "ipc_mode": null, "track_latest": false, "skip_destroy": false, "placement_constraints": [],
         "container_definitions": "[{\"command\":[\"echo \\\"caf\u00e9\\\"\"],\"image\":\"nginx:1.25\",\"name\":\"web\",\"privileged\":true,\"user\":null}]",
         "volume": [{"name": "data", "host_path": "", "configure_at_launch": false, "docker_volume_configuration": [],
           "efs_volume_configuration": [{"file_system_id": "fs-123", "root_directory": "/", "transit_encryption": "ENABLED",
             "transit_encryption_port": 0, "authorization_config": [{"access_point_id": "fsap-1", "iam": "ENABLED"}]}],
           "fsx_windows_file_server_volume_configuration": []},
           {"name": "scratch", "host_path": "/tmp", "docker_volume_configuration": [], "efs_volume_configuration": []}],
         "ephemeral_storage": [{"size_in_gib": 30}],
         "runtime_platform": [{"operating_system_family": "LINUX", "cpu_architecture": "ARM64"}],
         "proxy_configuration": [{"type": "APPMESH", "container_name": "envoy", "properties": {"AppPorts": "8080"}}],
         "inference_accelerator": [{"device_name": "gpu", "device_type": "eia2.medium"}],
         "tags": {"Team": "web"}
       },
       "after_unknown": {"arn": true, "execution_role_arn": true, "task_role_arn": true, "tags": {"Owner": true}}}},
    {"address": "aws_ecs_service.web", "mode": "managed", "type": "aws_ecs_service", "name": "web",
     "change": {"actions": ["create"],
       "after": {
         "name": "web", "cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/main", "desired_count": 2,
         "launch_type": "FARGATE", "scheduling_strategy": "REPLICA",
         "deployment_maximum_percent": 200, "deployment_minimum_healthy_percent": 100,
         "deployment_circuit_breaker": [{"enable": true, "rollback": true}],
         "deployment_controller": [{"type": "ECS"}],
         "network_configuration": [{"subnets": ["subnet-1", null], "security_groups": ["sg-1"], "assign_public_ip": false}],
         "load_balancer": [{"elb_name": "", "container_name": "web", "container_port": 80}],
         "capacity_provider_strategy": [{"capacity_provider": "FARGATE_SPOT", "weight": 1, "base": 0}],
         "ordered_placement_strategy": [{"type": "spread", "field": "attribute:ecs.availability-zone"}],
         "placement_constraints": [{"type": "distinctInstance", "expression": ""}],
         "service_registries": [{"registry_arn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1", "port": 0, "container_port": 0, "container_name": ""}],
         "health_check_grace_period_seconds": 60, "enable_execute_command": true, "enable_ecs_managed_tags": true,
         "propagate_tags": "SERVICE", "iam_role": "", "wait_for_steady_state": false, "force_new_deployment": null,
         "triggers": {}, "tags": null
       },
       "after_unknown": {"id": true, "platform_version": true, "task_definition": true,
         "network_configuration": [{"subnets": [false, true]}], "load_balancer": [{"target_group_arn": true}]}}},
    {"address": "aws_ecs_cluster.main", "mode": "managed", "type": "aws_ecs_cluster", "name": "main",
     "change": {"actions": ["update"],
       "after": {"name": "main", "setting": [{"name": "containerInsights", "value": "enabled"}],
         "configuration": [{"execute_command_configuration": [{"kms_key_id": "", "logging": "OVERRIDE",
           "log_configuration": [{"cloud_watch_encryption_enabled": true, "cloud_watch_log_group_name": "/ecs/exec",
             "s3_bucket_name": "", "s3_bucket_encryption_enabled": false, "s3_key_prefix": ""}]}],
           "managed_storage_configuration": []}],
         "service_connect_defaults": []},
       "after_unknown": {}}},
    {"address": "aws_ecs_task_definition.old", "mode": "managed", "type": "aws_ecs_task_definition", "name": "old",
     "change": {"actions": ["delete"], "after": null, "after_unknown": {}}},
    {"address": "aws_ecs_task_definition.gone", "mode": "managed", "type": "aws_ecs_task_definition", "name": "gone",
     "change": {"actions": ["delete"], "before": {"family": "gone"}, "after": {"family": "gone"}, "after_unknown": {}}},
    {"address": "data.aws_iam_role.d", "mode": "data", "type": "aws_iam_role", "name": "d",
     "change": {"actions": ["read"], "after": {"name": "d"}, "after_unknown": {}}},
    {"address": "module.app[0].aws_ecs_task_definition.worker", "module_address": "module.app[0]", "mode": "managed",
     "type": "aws_ecs_task_definition", "name": "worker",
     "change": {"actions": ["create"],
       "after": {"family": "worker", "container_definitions": "[{\"name\":\"worker\",\"image\":\"busybox\"}]"},
       "after_unknown": {"execution_role_arn": true, "task_role_arn": true}}}
  ],
  "configuration": {"root_module": {
    "resources": [
      {"address": "aws_iam_role.task", "mode": "managed", "type": "aws_iam_role", "name": "task",
       "expressions": {"assume_role_policy": {}, "name": {"constant_value": "app-task"}}},
      {"address": "aws_iam_role_policy.task_s3", "mode": "managed", "type": "aws_iam_role_policy", "name": "task_s3",
       "expressions": {"role": {"references": ["aws_iam_role.task.id", "aws_iam_role.task"]}}},
      {"address": "aws_iam_role_policy_attachment.extra", "mode": "managed", "type": "aws_iam_role_policy_attachment",
       "name": "extra", "expressions": {"policy_arn": {"references": ["aws_iam_policy.extra.arn", "aws_iam_policy.extra"]}}},
      {"address": "aws_iam_role_policy_attachment.admin", "mode": "managed", "type": "aws_iam_role_policy_attachment",
       "name": "admin", "expressions": {"role": {"references": ["aws_iam_role.task.name", "aws_iam_role.task"]}}},
      {"address": "aws_ecs_task_definition.web", "mode": "managed", "type": "aws_ecs_task_definition", "name": "web",
       "expressions": {"task_role_arn": {"references": ["aws_iam_role.task.arn", "aws_iam_role.task"]},
         "execution_role_arn": {"references": ["module.iam.exec_arn", "module.iam"]}}},
      {"address": "aws_ecs_service.web", "mode": "managed", "type": "aws_ecs_service", "name": "web",
       "expressions": {"task_definition": {"references": ["aws_ecs_task_definition.web.arn", "aws_ecs_task_definition.web"]}}}
    ],
    "module_calls": {
      "iam": {"source": "./iam", "module": {"outputs": {"exec_arn": {"expression": {"references": ["var.exec", "var.exec"]}}}},
        "expressions": {"exec": {"references": ["aws_iam_role.exec.arn", "aws_iam_role.exec"]}}},
      "app": {"source": "./app", "count_expression": {"constant_value": 1},
        "expressions": {"role_arn": {"references": ["aws_iam_role.task.arn", "aws_iam_role.task"]}},
        "module": {"resources": [
          {"address": "aws_ecs_task_definition.worker", "mode": "managed", "type": "aws_ecs_task_definition", "name": "worker",
           "expressions": {"task_role_arn": {"references": ["var.role_arn"]}}}
        ]}}
    }
  }}
}"##;

fn load(text: &str) -> (Node, Vec<Resource>) {
    let mut root = parse(text, 0).expect("valid JSON").root;
    let resources = resources(&mut root, text).expect("a plan");
    (root, resources)
}

fn find<'a>(resources: &'a [Resource], address: &str) -> &'a Resource {
    resources.iter().find(|r| r.infra.as_ref().is_some_and(|i| i.id == address)).expect(address)
}

/// The source text a canonical pointer of a resource lands on.
fn source_at<'a>(text: &'a str, root: &Node, resource: &Resource, canonical: &str) -> &'a str {
    let pointer = resource.origin.to_source(canonical);
    let (node, _) = root.lookup(&pointer).unwrap_or_else(|| panic!("{canonical} → {pointer} resolves"));
    &text[node.span.clone()]
}

#[test]
fn detects_plans_by_content() {
    let not_plans = [
        r#"{"family": "web", "containerDefinitions": []}"#,
        r#"{"format_version": "1.2"}"#,
        r#"{"format_version": "2.0", "planned_values": {}}"#,
        r#"{"format_version": 1, "resource_changes": []}"#,
        r#"[{"format_version": "1.0"}]"#,
    ];
    for text in not_plans {
        let mut root = parse(text, 0).unwrap().root;
        assert!(resources(&mut root, text).is_none(), "{text}");
    }
    for text in
        [r#"{"format_version": "1.0", "planned_values": {}}"#, r#"{"format_version": "1.2", "resource_changes": []}"#]
    {
        let mut root = parse(text, 0).unwrap().root;
        assert_eq!(resources(&mut root, text).map(|r| r.len()), Some(0), "{text}");
    }
}

#[test]
fn reads_every_deployed_resource_and_skips_deletes_and_data_sources() {
    let (_, resources) = load(PLAN);
    let ids: Vec<(&str, Shape)> =
        resources.iter().map(|r| (r.infra.as_ref().map_or("", |i| i.id.as_str()), r.shape)).collect();
    assert_eq!(
        ids,
        [
            ("aws_ecs_task_definition.web", Shape::RegisterRequest),
            ("aws_ecs_service.web", Shape::CreateService),
            ("aws_ecs_cluster.main", Shape::Cluster),
            ("module.app[0].aws_ecs_task_definition.worker", Shape::RegisterRequest),
            ("aws_ecs_cluster.legacy", Shape::Cluster),
            ("aws_iam_role.task", Shape::Role),
            ("aws_iam_role.exec", Shape::Role),
        ]
    );
}

#[test]
fn maps_task_definition_attributes() {
    let (_, resources) = load(PLAN);
    let task = find(&resources, "aws_ecs_task_definition.web");
    let v = &task.value;
    assert_eq!(v["family"], "web");
    assert_eq!(v["cpu"], "256");
    assert_eq!(v["networkMode"], "awsvpc");
    assert_eq!(v["requiresCompatibilities"], json!(["FARGATE"]));
    assert_eq!(
        v["volumes"],
        json!([
            {"name": "data", "configuredAtLaunch": false, "efsVolumeConfiguration": {
                "fileSystemId": "fs-123", "rootDirectory": "/", "transitEncryption": "ENABLED",
                "authorizationConfig": {"accessPointId": "fsap-1", "iam": "ENABLED"}}},
            {"name": "scratch", "host": {"sourcePath": "/tmp"}}
        ])
    );
    assert_eq!(v["ephemeralStorage"], json!({"sizeInGiB": 30}));
    assert_eq!(v["runtimePlatform"], json!({"operatingSystemFamily": "LINUX", "cpuArchitecture": "ARM64"}));
    assert_eq!(
        v["proxyConfiguration"],
        json!({"type": "APPMESH", "containerName": "envoy", "properties": [{"name": "AppPorts", "value": "8080"}]})
    );
    assert_eq!(v["inferenceAccelerators"], json!([{"deviceName": "gpu", "deviceType": "eia2.medium"}]));
    assert_eq!(v["containerDefinitions"][0]["command"], json!(["echo \"café\""]));
    // Null, empty and Terraform-only attributes are not set for ECS.
    for absent in ["pidMode", "ipcMode", "trackLatest", "track_latest", "skipDestroy", "placementConstraints", "arn"] {
        assert!(v.get(absent).is_none(), "{absent}");
    }
    assert!(v["containerDefinitions"][0].get("user").is_none());
    assert_eq!(v["tags"][0], json!({"key": "Team", "value": "web"}));
    assert_eq!(v["tags"][1]["key"], "Owner");
}

#[test]
fn unknown_values_are_opaque_placeholders() {
    let (text, (root, resources)) = (PLAN, load(PLAN));
    let task = find(&resources, "aws_ecs_task_definition.web");
    let role = task.value["executionRoleArn"].as_str().unwrap();
    assert_eq!(role, "${unknown: aws_ecs_task_definition.web.execution_role_arn}");
    assert!(is_placeholder(role));
    assert!(is_placeholder(task.value["tags"][1]["value"].as_str().unwrap()));
    assert_eq!(source_at(text, &root, task, "/executionRoleArn"), "true");
    assert_eq!(
        task.origin.to_source("/executionRoleArn"),
        "/resource_changes/6/change/after_unknown/execution_role_arn"
    );
    let service = find(&resources, "aws_ecs_service.web");
    let vpc = &service.value["networkConfiguration"]["awsvpcConfiguration"];
    assert_eq!(vpc["subnets"][0], "subnet-1");
    assert_eq!(vpc["subnets"][1], "${unknown: aws_ecs_service.web.network_configuration[0].subnets[1]}");
    assert!(is_placeholder(service.value["loadBalancers"][0]["targetGroupArn"].as_str().unwrap()));
    assert!(is_placeholder(service.value["taskDefinition"].as_str().unwrap()));
    assert!(is_placeholder(service.value["platformVersion"].as_str().unwrap()));
}

#[test]
fn maps_service_attributes() {
    let (text, (root, resources)) = (PLAN, load(PLAN));
    let service = find(&resources, "aws_ecs_service.web");
    let v = &service.value;
    assert_eq!(v["serviceName"], "web");
    assert_eq!(v["desiredCount"], 2);
    assert_eq!(v["launchType"], "FARGATE");
    assert_eq!(
        v["deploymentConfiguration"],
        json!({"maximumPercent": 200, "minimumHealthyPercent": 100,
               "deploymentCircuitBreaker": {"enable": true, "rollback": true}})
    );
    assert_eq!(v["deploymentController"], json!({"type": "ECS"}));
    assert_eq!(v["networkConfiguration"]["awsvpcConfiguration"]["securityGroups"], json!(["sg-1"]));
    assert_eq!(v["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"], "DISABLED");
    let lb = &v["loadBalancers"][0];
    assert_eq!((&lb["containerName"], &lb["containerPort"]), (&json!("web"), &json!(80)));
    assert!(lb.get("loadBalancerName").is_none());
    assert_eq!(v["capacityProviderStrategy"], json!([{"capacityProvider": "FARGATE_SPOT", "weight": 1, "base": 0}]));
    assert_eq!(v["placementStrategy"], json!([{"type": "spread", "field": "attribute:ecs.availability-zone"}]));
    assert_eq!(v["placementConstraints"], json!([{"type": "distinctInstance"}]));
    assert_eq!(
        v["serviceRegistries"],
        json!([{"registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1"}])
    );
    assert_eq!(v["healthCheckGracePeriodSeconds"], 60);
    assert_eq!(v["enableExecuteCommand"], true);
    assert_eq!(v["enableECSManagedTags"], true);
    assert_eq!(v["propagateTags"], "SERVICE");
    for absent in ["role", "waitForSteadyState", "triggers", "forceNewDeployment", "tags"] {
        assert!(v.get(absent).is_none(), "{absent}");
    }
    assert_eq!(service.infra.as_ref().unwrap().task_definition.as_deref(), Some("aws_ecs_task_definition.web"));
    // Renamed and nested fields point at their Terraform attribute.
    assert_eq!(source_at(text, &root, service, "/deploymentConfiguration/maximumPercent"), "200");
    assert_eq!(source_at(text, &root, service, "/networkConfiguration/awsvpcConfiguration/assignPublicIp"), "false");
    assert_eq!(source_at(text, &root, service, "/deploymentConfiguration/deploymentCircuitBreaker/rollback"), "true");
    assert_eq!(service.origin.to_source(""), "/resource_changes/7/change/after");
}

#[test]
fn the_service_linked_role_read_back_from_aws_is_not_a_requested_role() {
    let text = r#"{"format_version": "1.2", "resource_changes": [
      {"address": "aws_ecs_service.s", "mode": "managed", "type": "aws_ecs_service", "name": "s",
       "change": {"actions": ["no-op"], "after": {"name": "s", "iam_role": "/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS"}}},
      {"address": "aws_ecs_service.t", "mode": "managed", "type": "aws_ecs_service", "name": "t",
       "change": {"actions": ["create"], "after": {"name": "t", "iam_role": "ecsServiceRole"}}}]}"#;
    let (_, resources) = load(text);
    assert!(resources[0].value.get("role").is_none());
    assert_eq!(resources[1].value["role"], "ecsServiceRole");
}

#[test]
fn a_service_without_a_known_name_is_a_service_definition() {
    let text = r#"{"format_version": "1.2", "resource_changes": [
      {"address": "aws_ecs_service.s", "mode": "managed", "type": "aws_ecs_service", "name": "s",
       "change": {"actions": ["create"], "after": {"desired_count": 1}, "after_unknown": {"name": true}}}]}"#;
    let (_, resources) = load(text);
    assert_eq!(resources[0].shape, Shape::ServiceDefinition);
}

#[test]
fn maps_cluster_attributes() {
    let (_, resources) = load(PLAN);
    let cluster = find(&resources, "aws_ecs_cluster.main");
    assert_eq!(
        cluster.value,
        json!({
            "clusterName": "main",
            "settings": [{"name": "containerInsights", "value": "enabled"}],
            "configuration": {"executeCommandConfiguration": {"logging": "OVERRIDE", "logConfiguration": {
                "cloudWatchEncryptionEnabled": true, "cloudWatchLogGroupName": "/ecs/exec", "s3EncryptionEnabled": false}}}
        })
    );
    let legacy = find(&resources, "aws_ecs_cluster.legacy");
    assert_eq!(legacy.value["settings"][0]["value"], "disabled");
    assert_eq!(
        legacy.origin.to_source("/settings/0/value"),
        "/planned_values/root_module/resources/0/values/setting/0/value"
    );
}

#[test]
fn container_definition_spans_land_on_the_escaped_bytes() {
    let (text, (root, resources)) = (PLAN, load(PLAN));
    let task = find(&resources, "aws_ecs_task_definition.web");
    let pointer = task.origin.to_source("/containerDefinitions/0/privileged");
    assert_eq!(pointer, "/resource_changes/6/change/after/container_definitions/0/privileged");
    let (node, key) = root.lookup(&pointer).unwrap();
    assert_eq!(&text[node.span.clone()], "true");
    assert_eq!(&text[key.unwrap()], r#"\"privileged\""#);
    assert_eq!(source_at(text, &root, task, "/containerDefinitions/0/command/0"), r#"\"echo \\\"caf\u00e9\\\"\""#);
    assert_eq!(source_at(text, &root, task, "/containerDefinitions/0/image"), r#"\"nginx:1.25\""#);
    // A field the source lacks falls back to its container.
    assert!(source_at(text, &root, task, "/containerDefinitions/0/essential").starts_with('{'));
}

#[test]
fn every_canonical_pointer_has_an_origin_that_resolves() {
    let (root, resources) = load(PLAN);
    for resource in &resources {
        let crate::model::Origin::Mapped(map) = &resource.origin else { panic!("mapped origin") };
        let mut pointers = Vec::new();
        collect_pointers(&resource.value, String::new(), &mut pointers);
        for pointer in pointers {
            let source = map.get(&pointer).unwrap_or_else(|| panic!("{pointer} has an origin"));
            assert!(root.lookup(source).is_some(), "{pointer} → {source} resolves");
        }
    }
}

fn collect_pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => map.iter().for_each(|(k, v)| collect_pointers(v, crate::model::join(&at, k), out)),
        Value::Array(items) => {
            items.iter().enumerate().for_each(|(i, v)| collect_pointers(v, format!("{at}/{i}"), out))
        }
        _ => {}
    }
    out.push(at);
}

#[test]
fn child_modules_resolve_roles_through_module_variables_and_outputs() {
    let (_, resources) = load(PLAN);
    let worker = find(&resources, "module.app[0].aws_ecs_task_definition.worker");
    assert_eq!(worker.value["containerDefinitions"][0]["image"], "busybox");
    assert_eq!(worker.infra.as_ref().unwrap().task_role.as_deref(), Some("aws_iam_role.task"));
    let web = find(&resources, "aws_ecs_task_definition.web");
    let infra = web.infra.as_ref().unwrap();
    assert_eq!(infra.task_role.as_deref(), Some("aws_iam_role.task"));
    assert_eq!(infra.execution_role.as_deref(), Some("aws_iam_role.exec"));
}

#[test]
fn roles_gather_their_policies() {
    let (text, (root, resources)) = (PLAN, load(PLAN));
    let task_role = find(&resources, "aws_iam_role.task");
    let v = &task_role.value;
    assert_eq!(v["roleName"], "aws_iam_role.task");
    assert_eq!(v["assumeRolePolicyDocument"]["Statement"][0]["Principal"]["Service"], "ecs-tasks.amazonaws.com");
    // inline_policy and managed_policy_arns are computed (not in the configuration): not opaque.
    assert_eq!(
        v["policies"],
        json!([
            {"policyName": "s3", "policyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}},
            {"policyName": "extra", "policyDocument":
                {"Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}]}}
        ])
    );
    assert_eq!(v["managedPolicyArns"], json!(["arn:aws:iam::aws:policy/AdministratorAccess"]));
    assert_eq!(
        v["usage"],
        json!({"taskRoleOf": ["aws_ecs_task_definition.web", "module.app[0].aws_ecs_task_definition.worker"],
               "executionRoleOf": []})
    );
    assert!(v["usage"].get("needs").is_none());
    assert_eq!(source_at(text, &root, task_role, "/policies/0/policyDocument/Statement/0/Action"), r#"\"s3:*\""#);
    assert_eq!(
        source_at(text, &root, task_role, "/managedPolicyArns/0"),
        r#""arn:aws:iam::aws:policy/AdministratorAccess""#
    );
    assert_eq!(source_at(text, &root, task_role, "/usage/taskRoleOf/0"), "true");

    let exec = find(&resources, "aws_iam_role.exec");
    // Malformed embedded JSON stays a string, and is opaque.
    assert!(is_placeholder(exec.value["assumeRolePolicyDocument"].as_str().unwrap()));
    assert_eq!(exec.value["policies"][0]["policyName"], "logs");
    assert_eq!(exec.value["policies"][0]["policyDocument"]["Statement"][0]["Action"], "logs:*");
    assert_eq!(
        exec.value["managedPolicyArns"],
        json!(["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"])
    );
    assert_eq!(exec.value["usage"]["executionRoleOf"], json!(["aws_ecs_task_definition.web"]));
}

#[test]
fn roles_resolve_by_known_arn_without_configuration() {
    let text = r#"{"format_version": "1.1", "resource_changes": [
      {"address": "aws_iam_role.r", "mode": "managed", "type": "aws_iam_role", "name": "r",
       "change": {"actions": ["no-op"], "after": {"name": "r", "arn": "arn:aws:iam::1:role/r", "assume_role_policy": "{}"}}},
      {"address": "aws_iam_role.unused", "mode": "managed", "type": "aws_iam_role", "name": "unused",
       "change": {"actions": ["create"], "after": {"name": "unused"}}},
      {"address": "aws_ecs_task_definition.t", "mode": "managed", "type": "aws_ecs_task_definition", "name": "t",
       "change": {"actions": ["create"], "after": {"family": "t", "task_role_arn": "arn:aws:iam::1:role/r",
         "container_definitions": "[]"}}}]}"#;
    let (_, resources) = load(text);
    assert_eq!(resources.len(), 2);
    assert_eq!(resources[0].infra.as_ref().unwrap().task_role.as_deref(), Some("aws_iam_role.r"));
    assert_eq!(resources[1].value["usage"]["taskRoleOf"], json!(["aws_ecs_task_definition.t"]));
    assert_eq!(resources[0].value["containerDefinitions"], json!([]));
}

#[test]
fn malformed_container_definitions_are_opaque() {
    let text = r#"{"format_version": "1.2", "resource_changes": [
      {"address": "aws_ecs_task_definition.t", "mode": "managed", "type": "aws_ecs_task_definition", "name": "t",
       "change": {"actions": ["create"], "after": {"family": "t", "container_definitions": "[{\"name\": }"}}}]}"#;
    let (root, resources) = load(text);
    let defs = resources[0].value["containerDefinitions"].as_str().unwrap();
    assert!(is_placeholder(defs), "{defs}");
    let pointer = resources[0].origin.to_source("/containerDefinitions/0/name");
    assert_eq!(&text[root.lookup(&pointer).unwrap().0.span.clone()], r#""[{\"name\": }""#);
}

#[test]
fn odd_plans_do_not_panic() {
    for text in [
        r#"{"format_version": "1.0", "resource_changes": [1, {"address": 2}, {"address": "a", "type": "aws_ecs_service"}]}"#,
        r#"{"format_version": "1.0", "resource_changes": [{"address": "aws_ecs_service.a", "type": "aws_ecs_service",
            "change": {"after": {"network_configuration": [1], "load_balancer": "x", "tags": [1]},
                       "after_unknown": {"load_balancer": [true], "tags": 3}}}]}"#,
        r#"{"format_version": "1.0", "planned_values": {"root_module": {"child_modules": [{"resources": [
            {"address": "module.m.aws_ecs_task_definition.t", "type": "aws_ecs_task_definition",
             "values": {"container_definitions": "\ud83d\ude00"}}]}]}}}"#,
        r#"{"format_version": "1.0", "resource_changes": [{"address": "aws_ecs_task_definition.t",
            "type": "aws_ecs_task_definition", "change": {"after": {"task_role_arn": "x"}}}],
            "configuration": {"root_module": {"resources": [{"address": "aws_ecs_task_definition.t",
            "expressions": {"task_role_arn": {"references": ["var.x", "module.a.b", "module", "aws_iam_role"]}}}]}}}"#,
    ] {
        let mut root = parse(text, 0).unwrap().root;
        assert!(resources(&mut root, text).is_some(), "{text}");
    }
}
