//! What a role is used for, filled by the CloudFormation and Terraform front-ends from the task
//! definitions that name it, and read by the role rules.
//!
//! The `usage` member of a role (see [`crate::model::Role`]):
//! ```json
//! {
//!   "taskRoleOf": ["TaskDef"],
//!   "executionRoleOf": ["TaskDef"],
//!   "needs": {
//!     "secrets": [{"valueFrom": "arn:aws:ssm:…:parameter/db", "name": "DB_PASSWORD",
//!                  "taskDefinition": "TaskDef", "container": "app"}],
//!     "repositoryCredentials": [{"credentialsParameter": "arn:aws:secretsmanager:…",
//!                                "taskDefinition": "TaskDef", "container": "app"}],
//!     "environmentFiles": [{"value": "arn:aws:s3:::bucket/app.env", "taskDefinition": "TaskDef", "container": "app"}],
//!     "ecrPull": true, "awslogs": true, "awslogsCreateGroup": false,
//!     "unmodelled": ["credentialSpecs"]
//!   }
//! }
//! ```
//! `needs` is present when the role is an execution role. Booleans are `null` when an opaque
//! value (an image or log driver from a parameter) leaves them unknown. Opaque references are
//! kept as the placeholder strings they are. `unmodelled` names execution-role uses this crate
//! does not model (Windows gMSA credential specs), which keeps over-grant checks silent.
//!
//! What the execution role needs for each (ECS Developer Guide, "Amazon ECS task execution IAM
//! role", <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html>,
//! checked 2026-11-23): ECR images need `ecr:GetAuthorizationToken`,
//! `ecr:BatchCheckLayerAvailability`, `ecr:GetDownloadUrlForLayer` and `ecr:BatchGetImage`;
//! `awslogs` needs `logs:CreateLogStream` and `logs:PutLogEvents` (and `logs:CreateLogGroup`
//! with `awslogs-create-group`); Secrets Manager secrets and private registry credentials need
//! `secretsmanager:GetSecretValue`; SSM parameters `ssm:GetParameters`; S3 environment files
//! `s3:GetObject` and `s3:GetBucketLocation`; a customer managed KMS key `kms:Decrypt`.

use crate::model::TaskDefinition;
use crate::model::known::{is_present, known_str};
use serde_json::{Map, Value, json};

/// How a task definition uses a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleUse {
    /// `taskRoleArn`: the application's role.
    Task,
    /// `executionRoleArn`: the role ECS uses to start the task.
    Execution,
}

/// The `usage` member of a role used by `uses` (task definition ID, task definition, how). A
/// task definition that uses the role both ways appears twice.
pub fn usage(uses: &[(&str, &TaskDefinition<'_>, RoleUse)]) -> Value {
    let mut task_role_of = Vec::new();
    let mut execution_role_of = Vec::new();
    let mut needs: Option<Value> = None;
    for (id, task, how) in uses {
        let ids = if *how == RoleUse::Task { &mut task_role_of } else { &mut execution_role_of };
        if !ids.contains(id) {
            ids.push(*id);
        }
        if *how == RoleUse::Execution {
            let more = needs_of(id, task);
            needs = Some(match needs {
                Some(mut n) => {
                    merge_needs(&mut n, more);
                    n
                }
                None => more,
            });
        }
    }
    let mut out = json!({"taskRoleOf": task_role_of, "executionRoleOf": execution_role_of});
    if let Some(needs) = needs {
        out["needs"] = needs;
    }
    out
}

/// Sets the `usage` of every role resource from the task definitions of the same template or plan
/// that name it (by `Infra::task_role` / `Infra::execution_role`).
pub fn attach_usage(resources: &mut [crate::model::Resource]) {
    let mut usages = Vec::new();
    let tasks: Vec<_> = resources.iter().filter(|r| r.shape.is_task_definition()).collect();
    let views: Vec<_> = tasks.iter().map(|r| r.task_definition()).collect();
    for (index, role) in resources.iter().enumerate().filter(|(_, r)| r.shape == crate::model::Shape::Role) {
        let Some(id) = role.infra.as_deref().map(|i| i.id.as_str()) else { continue };
        let mut uses = Vec::new();
        for (resource, view) in tasks.iter().zip(&views) {
            let Some(infra) = resource.infra.as_deref() else { continue };
            if infra.task_role.as_deref() == Some(id) {
                uses.push((infra.id.as_str(), view, RoleUse::Task));
            }
            if infra.execution_role.as_deref() == Some(id) {
                uses.push((infra.id.as_str(), view, RoleUse::Execution));
            }
        }
        usages.push((index, usage(&uses)));
    }
    for (index, usage) in usages {
        if let Some(Value::Object(role)) = resources.get_mut(index).map(|r| &mut r.value) {
            role.insert("usage".into(), usage);
        }
    }
}

/// What the execution role of `task` (whose template ID or address is `task_id`) must be allowed.
pub fn needs_of(task_id: &str, task: &TaskDefinition<'_>) -> Value {
    let mut secrets = Vec::new();
    let mut credentials = Vec::new();
    let mut env_files = Vec::new();
    let mut unmodelled: Vec<Value> = Vec::new();
    let (mut ecr, mut awslogs, mut create_group) = (Some(false), Some(false), Some(false));
    let mut unknown = |what: &str| {
        if !unmodelled.iter().any(|u| u == what) {
            unmodelled.push(what.into());
        }
    };
    // Containers the plan or template does not know yet may need anything.
    let containers = task.get("containerDefinitions");
    let known_containers = containers.and_then(Value::as_array).is_some_and(|all| all.iter().all(Value::is_object));
    if is_present(containers) && !known_containers {
        unknown("containerDefinitions");
    }
    // FSx for Windows File Server credentials are read with the execution role too.
    let volumes = task.get("volumes").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    if volumes.iter().any(|v| is_present(v.get("fsxWindowsFileServerVolumeConfiguration"))) {
        unknown("fsxWindowsFileServerVolumeConfiguration");
    }
    for container in task.containers() {
        for (field, value) in
            [("secrets", container.get("secrets")), ("environmentFiles", container.get("environmentFiles"))]
        {
            if is_present(value) && !value.is_some_and(Value::is_array) {
                unknown(field);
            }
        }
        // A FireLens configuration file in S3 is fetched with the execution role.
        if container
            .get("firelensConfiguration")
            .and_then(|f| f.get("options"))
            .and_then(|o| o.get("config-file-type"))
            .is_some()
        {
            unknown("firelensConfiguration");
        }
        let name = container.name().unwrap_or_default();
        let entry = |key: &str, value: &Value| {
            let mut m = Map::new();
            m.insert(key.to_string(), value.clone());
            m.insert("taskDefinition".into(), task_id.into());
            m.insert("container".into(), name.into());
            m
        };
        let log = container.get("logConfiguration");
        let secret_options = log.and_then(|l| l.get("secretOptions")).and_then(Value::as_array);
        for item in container.array("secrets").iter().chain(secret_options.into_iter().flatten()) {
            if let Some(value_from @ Value::String(_)) = item.get("valueFrom") {
                let mut m = entry("valueFrom", value_from);
                if let Some(n) = known_str(item.get("name")) {
                    m.insert("name".into(), n.into());
                }
                secrets.push(Value::Object(m));
            }
        }
        let credentials_parameter = container.get("repositoryCredentials").and_then(|r| r.get("credentialsParameter"));
        if let Some(p @ Value::String(_)) = credentials_parameter {
            credentials.push(Value::Object(entry("credentialsParameter", p)));
        }
        for file in container.array("environmentFiles") {
            if let Some(v @ Value::String(_)) = file.get("value") {
                env_files.push(Value::Object(entry("value", v)));
            }
        }
        let private_registry = is_present(credentials_parameter);
        ecr = or(
            ecr,
            match container.get("image") {
                Some(Value::String(image)) if known_str(container.get("image")).is_some() => Some(is_ecr_image(image)),
                _ if private_registry => Some(false),
                _ => None,
            },
        );
        let driver = log.and_then(|l| l.get("logDriver"));
        let is_awslogs = match driver {
            None | Some(Value::Null) => Some(false),
            Some(_) => known_str(driver).map(|d| d == "awslogs"),
        };
        awslogs = or(awslogs, is_awslogs);
        if is_awslogs != Some(false) {
            let option = log.and_then(|l| l.get("options")).and_then(|o| o.get("awslogs-create-group"));
            let creates = match option {
                None | Some(Value::Null) => Some(false),
                Some(Value::Bool(b)) => Some(*b),
                Some(_) => known_str(option).map(|v| v.eq_ignore_ascii_case("true")),
            };
            let needed = if is_awslogs == Some(true) || creates == Some(false) { creates } else { None };
            create_group = or(create_group, needed);
        }
        let gmsa = container.has("credentialSpecs")
            || container
                .array("dockerSecurityOptions")
                .iter()
                .any(|o| o.as_str().is_none_or(|s| s.starts_with("credentialspec:")));
        if gmsa {
            unknown("credentialSpecs");
        }
    }
    json!({
        "secrets": secrets,
        "repositoryCredentials": credentials,
        "environmentFiles": env_files,
        "ecrPull": ecr,
        "awslogs": awslogs,
        "awslogsCreateGroup": create_group,
        "unmodelled": unmodelled,
    })
}

/// Three-valued "or": `true` wins, then unknown.
fn or(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (None, _) | (_, None) => None,
        _ => Some(false),
    }
}

/// Adds the needs of another task definition sharing the role.
pub fn merge_needs(into: &mut Value, other: Value) {
    let Value::Object(other) = other else { return };
    let Some(into) = into.as_object_mut() else { return };
    for (key, value) in other {
        match (into.get_mut(&key), value) {
            (Some(Value::Array(a)), Value::Array(b)) => {
                for v in b {
                    if !a.contains(&v) {
                        a.push(v);
                    }
                }
            }
            (Some(current), value @ (Value::Bool(_) | Value::Null)) => {
                let merged = or(current.as_bool(), value.as_bool());
                *current = merged.map_or(Value::Null, Value::Bool);
            }
            (None, value) => {
                into.insert(key, value);
            }
            _ => {}
        }
    }
}

/// A private ECR image: `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/<repository>…`.
pub fn is_ecr_image(image: &str) -> bool {
    let Some((host, _)) = image.split_once('/') else { return false };
    let mut labels = host.split('.');
    let (Some(account), Some("dkr"), Some(ecr)) = (labels.next(), labels.next(), labels.next()) else {
        return false;
    };
    let rest: Vec<&str> = labels.collect();
    account.len() == 12
        && account.bytes().all(|b| b.is_ascii_digit())
        && (ecr == "ecr" || ecr == "ecr-fips")
        && matches!(rest.as_slice(), [_, "amazonaws", "com"] | [_, "amazonaws", "com", "cn"])
}

/// The `usage` of a role as the rules read it.
#[derive(Debug, Clone, Copy)]
pub struct Usage<'a> {
    value: Option<&'a Value>,
}

impl<'a> Usage<'a> {
    pub fn of(role: &crate::model::Role<'a>) -> Self {
        Self { value: role.get("usage") }
    }

    fn ids(&self, key: &str) -> Vec<&'a str> {
        let items = self.value.and_then(|u| u.get(key)).and_then(Value::as_array);
        items.into_iter().flatten().filter_map(Value::as_str).collect()
    }

    /// IDs of the task definitions using the role as their task role.
    pub fn task_role_of(&self) -> Vec<&'a str> {
        self.ids("taskRoleOf")
    }

    /// IDs of the task definitions using the role as their execution role.
    pub fn execution_role_of(&self) -> Vec<&'a str> {
        self.ids("executionRoleOf")
    }

    pub fn needs(&self) -> Option<&'a Value> {
        self.value.and_then(|u| u.get("needs")).filter(|n| n.is_object())
    }

    /// The entries of a list in `needs`.
    pub fn list(&self, key: &str) -> &'a [Value] {
        self.needs().and_then(|n| n.get(key)).and_then(Value::as_array).map_or(&[], Vec::as_slice)
    }

    /// A three-valued flag of `needs`: `None` when unknown or absent.
    pub fn flag(&self, key: &str) -> Option<bool> {
        self.needs().and_then(|n| n.get(key)).and_then(Value::as_bool)
    }

    /// How messages name the task definitions: `` `A` `` or `` `A`, `B` ``.
    pub fn describe(ids: &[&str]) -> String {
        ids.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Shape;

    #[test]
    fn unknown_containers_make_the_needs_unknown() {
        for td in [
            json!({"containerDefinitions": "${unknown: aws_ecs_task_definition.web.container_definitions}"}),
            json!({"containerDefinitions": [{"name": "app", "secrets": "${Ref:Secrets}"}]}),
            json!({"containerDefinitions": [], "volumes": [{"name": "v", "fsxWindowsFileServerVolumeConfiguration": {}}]}),
        ] {
            let needs = needs_of("TaskDef", &TaskDefinition::new(&td, Shape::RegisterRequest));
            assert_ne!(needs["unmodelled"], json!([]), "{td}");
        }
    }

    #[test]
    fn recognises_ecr_images() {
        assert!(is_ecr_image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0"));
        assert!(is_ecr_image("123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/app@sha256:00"));
        assert!(is_ecr_image("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app"));
        assert!(!is_ecr_image("public.ecr.aws/nginx/nginx:1.27"));
        assert!(!is_ecr_image("nginx:1.27"));
        assert!(!is_ecr_image("12345.dkr.ecr.eu-west-1.amazonaws.com/app"));
    }

    #[test]
    fn collects_what_the_execution_role_needs() {
        let value = json!({"family": "web", "containerDefinitions": [
            {"name": "app", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1",
             "secrets": [{"name": "DB", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/db"}],
             "environmentFiles": [{"type": "s3", "value": "arn:aws:s3:::cfg/app.env"}],
             "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-create-group": "true"},
                                  "secretOptions": [{"name": "K", "valueFrom": "${KeyArn}"}]}},
            {"name": "proxy", "image": "registry.example.com/proxy:2",
             "repositoryCredentials": {"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:reg-AbCdEf"}}
        ]});
        let task = TaskDefinition::new(&value, Shape::RegisterRequest);
        let needs = needs_of("TaskDef", &task);
        assert_eq!(needs["ecrPull"], json!(true));
        assert_eq!(needs["awslogs"], json!(true));
        assert_eq!(needs["awslogsCreateGroup"], json!(true));
        assert_eq!(needs["secrets"].as_array().unwrap().len(), 2);
        assert_eq!(needs["secrets"][0]["name"], json!("DB"));
        assert_eq!(needs["secrets"][0]["taskDefinition"], json!("TaskDef"));
        assert_eq!(needs["secrets"][1]["valueFrom"], json!("${KeyArn}"));
        assert_eq!(needs["repositoryCredentials"][0]["container"], json!("proxy"));
        assert_eq!(needs["environmentFiles"][0]["value"], json!("arn:aws:s3:::cfg/app.env"));
    }

    #[test]
    fn opaque_images_and_drivers_are_unknown_and_usages_merge() {
        let a = json!({"containerDefinitions": [{"name": "a", "image": "${Image}",
            "logConfiguration": {"logDriver": "${Driver}"}}]});
        let b = json!({"containerDefinitions": [{"name": "b", "image": "nginx", "credentialSpecs": ["x"]}]});
        let (ta, tb) =
            (TaskDefinition::new(&a, Shape::RegisterRequest), TaskDefinition::new(&b, Shape::RegisterRequest));
        let needs = needs_of("A", &ta);
        assert_eq!(needs["ecrPull"], Value::Null);
        assert_eq!(needs["awslogs"], Value::Null);
        let u = usage(&[("A", &ta, RoleUse::Execution), ("B", &tb, RoleUse::Execution), ("B", &tb, RoleUse::Task)]);
        assert_eq!(u["executionRoleOf"], json!(["A", "B"]));
        assert_eq!(u["taskRoleOf"], json!(["B"]));
        assert_eq!(u["needs"]["ecrPull"], Value::Null);
        assert_eq!(u["needs"]["unmodelled"], json!(["credentialSpecs"]));
        let only_task = usage(&[("B", &tb, RoleUse::Task)]);
        assert!(only_task.get("needs").is_none());
    }
}

/// Where a secret reference points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretStore {
    SecretsManager,
    ParameterStore,
}

/// The call the execution role makes to read one secret reference, and on which ARN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretRead {
    pub store: SecretStore,
    pub action: &'static str,
    /// The secret's or parameter's ARN, without the `:json-key:version-stage:version-id` ECS allows
    /// after a secret.
    pub resource: String,
}

/// The read a `valueFrom` (or `credentialsParameter`) needs, when its ARN says which: a bare
/// parameter name (same account and Region, ARN unknown here), an opaque value or an odd ARN give
/// `None`. References through `/aws/reference/secretsmanager/` are left out too.
pub fn secret_read(value_from: &str) -> Option<SecretRead> {
    if crate::model::known::is_placeholder(value_from) {
        return None;
    }
    let arn = crate::data::arn::parse(value_from)?;
    if arn.region.is_empty() || arn.account.is_empty() {
        return None;
    }
    match arn.service {
        "secretsmanager" => {
            let name = arn.resource.strip_prefix("secret:")?.split(':').next().filter(|n| !n.is_empty())?;
            let resource = format!("arn:{}:secretsmanager:{}:{}:secret:{name}", arn.partition, arn.region, arn.account);
            Some(SecretRead { store: SecretStore::SecretsManager, action: "secretsmanager:GetSecretValue", resource })
        }
        "ssm" => {
            let name = arn.resource.strip_prefix("parameter")?;
            let plain = name.starts_with('/') && !name.contains(':') && !name.starts_with("/aws/reference/");
            plain.then(|| SecretRead {
                store: SecretStore::ParameterStore,
                action: "ssm:GetParameters",
                resource: value_from.to_string(),
            })
        }
        _ => None,
    }
}

impl SecretRead {
    /// Does a `Resource` pattern cover the secret? A Secrets Manager ARN may be written without
    /// the 6-character suffix AWS appends to the real ARN: a pattern that could match the
    /// suffixed ARN counts as "maybe".
    pub fn covered_by(&self, pattern: &str) -> super::policy::Tri {
        use super::policy::{Tri, glob, resource_match};
        let direct = resource_match(pattern, &self.resource);
        if direct != Tri::No || self.store != SecretStore::SecretsManager {
            return direct;
        }
        let extended = format!("{}-", self.resource);
        if pattern.starts_with(&extended) || glob(pattern, &format!("{extended}xxxxxx"), true) {
            Tri::Maybe
        } else {
            Tri::No
        }
    }
}

#[cfg(test)]
mod secret_tests {
    use super::*;
    use crate::iam::policy::Tri;

    #[test]
    fn reads_secret_references() {
        let r = secret_read("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:password::").unwrap();
        assert_eq!(r.resource, "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf");
        assert_eq!(r.action, "secretsmanager:GetSecretValue");
        let p = secret_read("arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db").unwrap();
        assert_eq!((p.store, p.action), (SecretStore::ParameterStore, "ssm:GetParameters"));
        assert!(secret_read("db-password").is_none());
        assert!(secret_read("arn:aws:ssm:eu-west-1:123456789012:parameter/aws/reference/secretsmanager/db").is_none());
        assert!(secret_read("arn:aws:secretsmanager:${AWS::Region}:1:secret:x").is_none());
        assert!(secret_read("arn:aws:s3:::bucket/key").is_none());
    }

    #[test]
    fn partial_secret_arns_may_match_suffixed_patterns() {
        let r = secret_read("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db").unwrap();
        assert_eq!(r.covered_by("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"), Tri::Maybe);
        assert_eq!(r.covered_by("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-??????"), Tri::Maybe);
        assert_eq!(r.covered_by("arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-*"), Tri::No);
        assert_eq!(r.covered_by("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db*"), Tri::Yes);
    }
}
