//! CloudFormation property names → AWS API field names.
//!
//! Most CloudFormation names are the API name with a capital first letter, and the API schema
//! tells which names exist at each level, so a name is matched against the schema's properties
//! (exactly after lower-casing the first letter, then ignoring case: `EFSVolumeConfiguration` →
//! `efsVolumeConfiguration`, `FilesystemId` → `fileSystemId`, `IAM` → `iam`). The table below
//! lists the names that differ by more than case, and the CloudFormation-only properties that the
//! API request has no field for. Source: the CloudFormation resource schemas of cfn-lint 1.58.0
//! compared with botocore's ECS model (`../shared/reference/crates-and-schema.md` §1.4), and the
//! AWS::ECS::* pages of the CloudFormation User Guide, checked 2026-11-23.

/// (CloudFormation name, API name) where the two differ by more than letter case.
const RENAMED: &[(&str, &str)] = &[
    // AWS::ECS::TaskDefinition ProxyConfiguration
    ("ProxyConfigurationProperties", "properties"),
    // AWS::ECS::Service
    ("PlacementStrategies", "placementStrategy"),
    // AWS::ECS::Cluster
    ("ClusterSettings", "settings"),
    ("DefaultCapacityProviderStrategy", "defaultCapacityProviderStrategy"),
];

/// CloudFormation-only properties (return values, resource options, and the task-set fields a
/// `CreateService` request has no place for): not part of the request.
const CFN_ONLY: &[&str] =
    &["TaskDefinitionArn", "ServiceArn", "ForceNewDeployment", "Name", "Service", "Scale", "ExternalId"];

/// The API name of a CloudFormation property at a level whose API properties are `known`
/// (empty when there is no schema for the level); `None` for CloudFormation-only properties.
pub fn api_name(cfn: &str, known: &[&str]) -> Option<String> {
    if let Some((_, api)) = RENAMED.iter().find(|(c, _)| *c == cfn) {
        return Some((*api).to_string());
    }
    let camel = lower_first(cfn);
    if known.contains(&camel.as_str()) {
        return Some(camel);
    }
    if let Some(found) = known.iter().find(|k| k.eq_ignore_ascii_case(cfn)) {
        return Some((*found).to_string());
    }
    if CFN_ONLY.contains(&cfn) && !known.is_empty() {
        return None;
    }
    Some(camel)
}

/// API names whose CloudFormation spelling is not the API name with a capital first letter.
const SPELLED: &[(&str, &str)] = &[
    ("efsVolumeConfiguration", "EFSVolumeConfiguration"),
    ("fileSystemId", "FilesystemId"),
    ("iam", "IAM"),
    ("placementStrategy", "PlacementStrategies"),
];

/// Rewrites the API field names quoted in a message (`` `readonlyRootFilesystem` ``) the way the
/// template spells them (`` `ReadonlyRootFilesystem` ``), so a finding reads in the template's terms.
pub fn template_wording(text: &str) -> String {
    let fields = api_fields();
    // Field names that rules also quote as values (network mode `host`, `containerInsights` =
    // `enabled`): a value must keep its spelling, so these stay as written.
    const ALSO_VALUES: [&str; 2] = ["host", "enabled"];
    crate::model::wording::rename_quoted(text, |name| match SPELLED.iter().find(|(api, _)| *api == name) {
        Some((_, cfn)) => Some((*cfn).to_string()),
        None if fields.contains(name) && !ALSO_VALUES.contains(&name) => {
            let mut chars = name.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        }
        None => None,
    })
}

/// Every property name of the API request schemas, collected once.
fn api_fields() -> &'static std::collections::HashSet<String> {
    static FIELDS: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    FIELDS.get_or_init(|| {
        let mut fields = std::collections::HashSet::new();
        for schema in [crate::schema::Schema::register_task_definition(), crate::schema::Schema::create_service()] {
            collect(schema.root(), &mut fields);
        }
        fields
    })
}

fn collect(node: &serde_json::Value, fields: &mut std::collections::HashSet<String>) {
    match node {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Object(properties)) = map.get("properties") {
                fields.extend(properties.keys().cloned());
            }
            map.values().for_each(|v| collect(v, fields));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect(v, fields)),
        _ => {}
    }
}

/// `ContainerDefinitions` → `containerDefinitions`; an all-caps name (`IAM`) is lowered whole.
fn lower_first(name: &str) -> String {
    if name.len() > 1 && name.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
        return name.to_ascii_lowercase();
    }
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::api_name;

    #[test]
    fn maps_through_the_schema_and_the_table() {
        let volume = ["name", "host", "efsVolumeConfiguration", "dockerVolumeConfiguration"];
        assert_eq!(api_name("EFSVolumeConfiguration", &volume).as_deref(), Some("efsVolumeConfiguration"));
        assert_eq!(api_name("Name", &volume).as_deref(), Some("name"));
        assert_eq!(api_name("FilesystemId", &["fileSystemId", "rootDirectory"]).as_deref(), Some("fileSystemId"));
        assert_eq!(api_name("IAM", &["accessPointId", "iam"]).as_deref(), Some("iam"));
        assert_eq!(api_name("ProxyConfigurationProperties", &["type"]).as_deref(), Some("properties"));
        assert_eq!(api_name("PlacementStrategies", &["placementStrategy"]).as_deref(), Some("placementStrategy"));
        assert_eq!(api_name("TaskDefinitionArn", &["family"]), None);
        assert_eq!(api_name("ClusterSettings", &[]).as_deref(), Some("settings"));
        assert_eq!(api_name("KmsKeyId", &[]).as_deref(), Some("kmsKeyId"));
    }

    #[test]
    fn messages_use_the_template_spelling() {
        assert_eq!(
            super::template_wording("container `app` does not set `readonlyRootFilesystem`; see `fileSystemId`"),
            "container `app` does not set `ReadonlyRootFilesystem`; see `FilesystemId`"
        );
        assert_eq!(super::template_wording("no backticks"), "no backticks");
        assert_eq!(
            super::template_wording("`pidMode` is `host`; set `containerInsights` to `enabled`"),
            "`PidMode` is `host`; set `containerInsights` to `enabled`"
        );
        assert_eq!(super::template_wording("odd ` count `user"), "odd ` count `user");
    }
}
