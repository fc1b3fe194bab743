//! The snake_case ↔ canonical mapping, as data: one row per Terraform attribute the front-end
//! reads. Attributes not listed are Terraform's own (`arn`, `tags_all`, `track_latest`,
//! `skip_destroy`, `wait_for_steady_state`, `force_new_deployment`, `triggers` …) and are dropped:
//! Terraform validates its own schema, and ECS never sees them.
//!
//! Source: Terraform AWS provider documentation, resources `ecs_task_definition`, `ecs_service`,
//! `ecs_cluster`, `iam_role`, `iam_role_policy`, `iam_policy`
//! (<https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition>
//! and siblings), read 2026-11-23; canonical names from the ECS API (botocore `ecs/2014-11-13`).

/// How a Terraform attribute becomes its canonical value.
#[derive(Debug, Clone, Copy)]
pub(super) enum Kind {
    /// Copied as it is; an empty string, list or map means "not set" (SDK v2 providers write
    /// unset nested attributes as `""` and unset sets as `[]`) and is omitted.
    Value,
    /// Like `Value`, and `0` means "not set" too (ports in optional blocks).
    NonZero,
    /// A JSON document held in a string (grafted into the tree before conversion), copied as it is.
    Json,
    /// A block with at most one element (`x[0]`) → an object.
    Block(&'static [Field]),
    /// A repeated block → an array of objects.
    Blocks(&'static [Field]),
    /// A map → `[{key, value}]` (tags).
    KeyValue,
    /// A map → `[{name, value}]` (proxy configuration properties).
    NameValue,
    /// A bool → `"ENABLED"` / `"DISABLED"` (`assign_public_ip`).
    Enabled,
}

/// One Terraform attribute and where it goes in the canonical object.
#[derive(Debug, Clone, Copy)]
pub(super) struct Field {
    pub tf: &'static str,
    /// The canonical path below the current object (more than one segment nests it:
    /// `deployment_maximum_percent` → `deploymentConfiguration.maximumPercent`).
    pub to: &'static [&'static str],
    pub kind: Kind,
}

const fn f(tf: &'static str, to: &'static [&'static str], kind: Kind) -> Field {
    Field { tf, to, kind }
}

use Kind::{Block, Blocks, Enabled, Json, KeyValue, NameValue, NonZero, Value};

pub(super) const TASK_DEFINITION: &[Field] = &[
    f("family", &["family"], Value),
    f("container_definitions", &["containerDefinitions"], Json),
    f("cpu", &["cpu"], Value),
    f("memory", &["memory"], Value),
    f("network_mode", &["networkMode"], Value),
    f("requires_compatibilities", &["requiresCompatibilities"], Value),
    f("task_role_arn", &["taskRoleArn"], Value),
    f("execution_role_arn", &["executionRoleArn"], Value),
    f("pid_mode", &["pidMode"], Value),
    f("ipc_mode", &["ipcMode"], Value),
    f("volume", &["volumes"], Blocks(VOLUME)),
    f("placement_constraints", &["placementConstraints"], Blocks(PLACEMENT_CONSTRAINT)),
    f("proxy_configuration", &["proxyConfiguration"], Block(PROXY_CONFIGURATION)),
    f("ephemeral_storage", &["ephemeralStorage"], Block(&[f("size_in_gib", &["sizeInGiB"], Value)])),
    f("runtime_platform", &["runtimePlatform"], Block(RUNTIME_PLATFORM)),
    f("inference_accelerator", &["inferenceAccelerators"], Blocks(INFERENCE_ACCELERATOR)),
    f("enable_fault_injection", &["enableFaultInjection"], Value),
    f("tags", &["tags"], KeyValue),
];

const VOLUME: &[Field] = &[
    f("name", &["name"], Value),
    f("host_path", &["host", "sourcePath"], Value),
    f("configure_at_launch", &["configuredAtLaunch"], Value),
    f("docker_volume_configuration", &["dockerVolumeConfiguration"], Block(DOCKER_VOLUME)),
    f("efs_volume_configuration", &["efsVolumeConfiguration"], Block(EFS_VOLUME)),
    f("fsx_windows_file_server_volume_configuration", &["fsxWindowsFileServerVolumeConfiguration"], Block(FSX_VOLUME)),
];

const DOCKER_VOLUME: &[Field] = &[
    f("scope", &["scope"], Value),
    f("autoprovision", &["autoprovision"], Value),
    f("driver", &["driver"], Value),
    f("driver_opts", &["driverOpts"], Value),
    f("labels", &["labels"], Value),
];

const EFS_VOLUME: &[Field] = &[
    f("file_system_id", &["fileSystemId"], Value),
    f("root_directory", &["rootDirectory"], Value),
    f("transit_encryption", &["transitEncryption"], Value),
    f("transit_encryption_port", &["transitEncryptionPort"], NonZero),
    f(
        "authorization_config",
        &["authorizationConfig"],
        Block(&[f("access_point_id", &["accessPointId"], Value), f("iam", &["iam"], Value)]),
    ),
];

const FSX_VOLUME: &[Field] = &[
    f("file_system_id", &["fileSystemId"], Value),
    f("root_directory", &["rootDirectory"], Value),
    f(
        "authorization_config",
        &["authorizationConfig"],
        Block(&[f("credentials_parameter", &["credentialsParameter"], Value), f("domain", &["domain"], Value)]),
    ),
];

const PLACEMENT_CONSTRAINT: &[Field] = &[f("type", &["type"], Value), f("expression", &["expression"], Value)];

const PROXY_CONFIGURATION: &[Field] = &[
    f("type", &["type"], Value),
    f("container_name", &["containerName"], Value),
    f("properties", &["properties"], NameValue),
];

const RUNTIME_PLATFORM: &[Field] = &[
    f("operating_system_family", &["operatingSystemFamily"], Value),
    f("cpu_architecture", &["cpuArchitecture"], Value),
];

const INFERENCE_ACCELERATOR: &[Field] =
    &[f("device_name", &["deviceName"], Value), f("device_type", &["deviceType"], Value)];

pub(super) const SERVICE: &[Field] = &[
    f("name", &["serviceName"], Value),
    f("cluster", &["cluster"], Value),
    f("task_definition", &["taskDefinition"], Value),
    f("desired_count", &["desiredCount"], Value),
    f("launch_type", &["launchType"], Value),
    f("platform_version", &["platformVersion"], Value),
    f("scheduling_strategy", &["schedulingStrategy"], Value),
    f("deployment_maximum_percent", &["deploymentConfiguration", "maximumPercent"], Value),
    f("deployment_minimum_healthy_percent", &["deploymentConfiguration", "minimumHealthyPercent"], Value),
    f("deployment_circuit_breaker", &["deploymentConfiguration", "deploymentCircuitBreaker"], Block(CIRCUIT_BREAKER)),
    f("alarms", &["deploymentConfiguration", "alarms"], Block(ALARMS)),
    f("deployment_controller", &["deploymentController"], Block(&[f("type", &["type"], Value)])),
    f("network_configuration", &["networkConfiguration", "awsvpcConfiguration"], Block(AWSVPC_CONFIGURATION)),
    f("load_balancer", &["loadBalancers"], Blocks(LOAD_BALANCER)),
    f("capacity_provider_strategy", &["capacityProviderStrategy"], Blocks(CAPACITY_PROVIDER_STRATEGY)),
    f(
        "ordered_placement_strategy",
        &["placementStrategy"],
        Blocks(&[f("type", &["type"], Value), f("field", &["field"], Value)]),
    ),
    f("placement_constraints", &["placementConstraints"], Blocks(PLACEMENT_CONSTRAINT)),
    f("service_registries", &["serviceRegistries"], Blocks(SERVICE_REGISTRY)),
    f("service_connect_configuration", &["serviceConnectConfiguration"], Block(SERVICE_CONNECT)),
    f("health_check_grace_period_seconds", &["healthCheckGracePeriodSeconds"], Value),
    f("enable_execute_command", &["enableExecuteCommand"], Value),
    f("enable_ecs_managed_tags", &["enableECSManagedTags"], Value),
    f("propagate_tags", &["propagateTags"], Value),
    f("availability_zone_rebalancing", &["availabilityZoneRebalancing"], Value),
    f("iam_role", &["role"], Value),
    f("tags", &["tags"], KeyValue),
];

const CIRCUIT_BREAKER: &[Field] = &[f("enable", &["enable"], Value), f("rollback", &["rollback"], Value)];

const ALARMS: &[Field] =
    &[f("alarm_names", &["alarmNames"], Value), f("enable", &["enable"], Value), f("rollback", &["rollback"], Value)];

const AWSVPC_CONFIGURATION: &[Field] = &[
    f("subnets", &["subnets"], Value),
    f("security_groups", &["securityGroups"], Value),
    f("assign_public_ip", &["assignPublicIp"], Enabled),
];

const LOAD_BALANCER: &[Field] = &[
    f("target_group_arn", &["targetGroupArn"], Value),
    f("elb_name", &["loadBalancerName"], Value),
    f("container_name", &["containerName"], Value),
    f("container_port", &["containerPort"], Value),
];

const CAPACITY_PROVIDER_STRATEGY: &[Field] = &[
    f("capacity_provider", &["capacityProvider"], Value),
    f("weight", &["weight"], Value),
    f("base", &["base"], Value),
];

const SERVICE_REGISTRY: &[Field] = &[
    f("registry_arn", &["registryArn"], Value),
    f("port", &["port"], NonZero),
    f("container_name", &["containerName"], Value),
    f("container_port", &["containerPort"], NonZero),
];

const SERVICE_CONNECT: &[Field] = &[
    f("enabled", &["enabled"], Value),
    f("namespace", &["namespace"], Value),
    f("log_configuration", &["logConfiguration"], Block(LOG_CONFIGURATION)),
    f("service", &["services"], Blocks(SERVICE_CONNECT_SERVICE)),
];

const LOG_CONFIGURATION: &[Field] = &[
    f("log_driver", &["logDriver"], Value),
    f("options", &["options"], Value),
    f(
        "secret_option",
        &["secretOptions"],
        Blocks(&[f("name", &["name"], Value), f("value_from", &["valueFrom"], Value)]),
    ),
];

const SERVICE_CONNECT_SERVICE: &[Field] = &[
    f("port_name", &["portName"], Value),
    f("discovery_name", &["discoveryName"], Value),
    f("ingress_port_override", &["ingressPortOverride"], NonZero),
    f("client_alias", &["clientAliases"], Blocks(&[f("port", &["port"], Value), f("dns_name", &["dnsName"], Value)])),
];

pub(super) const CLUSTER: &[Field] = &[
    f("name", &["clusterName"], Value),
    f("setting", &["settings"], Blocks(&[f("name", &["name"], Value), f("value", &["value"], Value)])),
    f("configuration", &["configuration"], Block(CLUSTER_CONFIGURATION)),
    f("service_connect_defaults", &["serviceConnectDefaults"], Block(&[f("namespace", &["namespace"], Value)])),
    // Provider versions before 4.0 kept capacity providers on the cluster.
    f("capacity_providers", &["capacityProviders"], Value),
    f("default_capacity_provider_strategy", &["defaultCapacityProviderStrategy"], Blocks(CAPACITY_PROVIDER_STRATEGY)),
    f("tags", &["tags"], KeyValue),
];

const CLUSTER_CONFIGURATION: &[Field] = &[
    f("execute_command_configuration", &["executeCommandConfiguration"], Block(EXECUTE_COMMAND_CONFIGURATION)),
    f("managed_storage_configuration", &["managedStorageConfiguration"], Block(MANAGED_STORAGE)),
];

const EXECUTE_COMMAND_CONFIGURATION: &[Field] = &[
    f("kms_key_id", &["kmsKeyId"], Value),
    f("logging", &["logging"], Value),
    f("log_configuration", &["logConfiguration"], Block(EXECUTE_COMMAND_LOG)),
];

const EXECUTE_COMMAND_LOG: &[Field] = &[
    f("cloud_watch_encryption_enabled", &["cloudWatchEncryptionEnabled"], Value),
    f("cloud_watch_log_group_name", &["cloudWatchLogGroupName"], Value),
    f("s3_bucket_name", &["s3BucketName"], Value),
    f("s3_bucket_encryption_enabled", &["s3EncryptionEnabled"], Value),
    f("s3_key_prefix", &["s3KeyPrefix"], Value),
];

const MANAGED_STORAGE: &[Field] = &[
    f("kms_key_id", &["kmsKeyId"], Value),
    f("fargate_ephemeral_storage_kms_key_id", &["fargateEphemeralStorageKmsKeyId"], Value),
];

/// `aws_lb_target_group` (and its old name `aws_alb_target_group`) in the canonical
/// `CreateTargetGroup` shape, for the checks of a service's load balancers against its task
/// definition; the health check is flattened by the caller (`healthCheckPort` …).
pub(super) const TARGET_GROUP: &[Field] = &[
    f("target_type", &["targetType"], Value),
    f("port", &["port"], NonZero),
    f("protocol", &["protocol"], Value),
    f("health_check", &["healthCheck"], Block(HEALTH_CHECK)),
];

const HEALTH_CHECK: &[Field] =
    &[f("port", &["port"], Value), f("path", &["path"], Value), f("protocol", &["protocol"], Value)];

/// `aws_iam_role` attributes kept on the canonical role (policies gathered from other resources
/// are appended by `roles`).
pub(super) const ROLE: &[Field] = &[
    f("assume_role_policy", &["assumeRolePolicyDocument"], Json),
    f("inline_policy", &["policies"], Blocks(POLICY)),
    f("managed_policy_arns", &["managedPolicyArns"], Value),
];

/// An inline policy block, an `aws_iam_role_policy` or an `aws_iam_policy` → `{policyName, policyDocument}`.
pub(super) const POLICY: &[Field] = &[f("name", &["policyName"], Value), f("policy", &["policyDocument"], Json)];
