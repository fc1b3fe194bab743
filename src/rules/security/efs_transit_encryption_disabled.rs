//! Without transit encryption, EFS data crosses the network between the host and EFS in clear text.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{is_present, known_str};
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct EfsTransitEncryptionDisabled {
        code: "ECS-SEC-013",
        name: "efs-transit-encryption-disabled",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "an EFS volume without encryption in transit",
    }
}

const HELP: &str = "set `\"transitEncryption\": \"ENABLED\"` in `efsVolumeConfiguration` (ECS mounts the file \
                    system with TLS through the EFS mount helper)";

impl Rule for EfsTransitEncryptionDisabled {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let Some(volumes) = task.get("volumes").and_then(Value::as_array) else {
            return;
        };
        for (i, volume) in volumes.iter().enumerate() {
            let Some(efs) = volume.get("efsVolumeConfiguration").filter(|e| e.is_object()) else {
                continue;
            };
            // IAM authorization without transit encryption is rejected by AWS:
            // efs-iam-requires-transit-encryption (ECS-COR-040) reports that as an error.
            let iam = known_str(efs.get("authorizationConfig").and_then(|a| a.get("iam")));
            if iam == Some("ENABLED") {
                continue;
            }
            let name = known_str(volume.get("name")).map_or_else(|| format!("#{i}"), |n| format!("`{n}`"));
            let config = join(&format!("/volumes/{i}"), "efsVolumeConfiguration");
            let transit = efs.get("transitEncryption");
            if !is_present(transit) {
                cx.report(self, config)
                    .on_key()
                    .message(format!(
                        "EFS volume {name} does not set `transitEncryption`, so AWS applies the default DISABLED: \
                         file data travels unencrypted between the host and EFS"
                    ))
                    .label("no `transitEncryption` (default DISABLED)")
                    .help(HELP)
                    .emit();
            } else if known_str(transit) == Some("DISABLED") {
                cx.report(self, join(&config, "transitEncryption"))
                    .message(format!(
                        "EFS volume {name} has `transitEncryption` DISABLED: file data travels unencrypted between \
                         the host and EFS"
                    ))
                    .label("encryption in transit disabled")
                    .help(HELP)
                    .emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-013";

    fn td(efs: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [{{"name": "app", "image": "nginx:1.27",
               "memory": 512, "mountPoints": [{{"sourceVolume": "data", "containerPath": "/data"}}]}}],
               "volumes": [{{"name": "data", "efsVolumeConfiguration": {{"fileSystemId": "fs-12345678" {efs}}}}}]}}"#
        )
    }

    #[test]
    fn fires_when_disabled_or_left_to_the_default() {
        let messages = assert_fires(CODE, 1, &td(""));
        assert!(messages[0].contains("EFS volume `data` does not set `transitEncryption`"), "{messages:?}");
        assert!(messages[0].contains("default DISABLED"));
        let messages = assert_fires(CODE, 1, &td(r#", "transitEncryption": "DISABLED""#));
        assert!(messages[0].contains("has `transitEncryption` DISABLED"));
        assert_fires(CODE, 1, &td(r#", "transitEncryption": null"#));
    }

    #[test]
    fn clean_when_enabled() {
        assert_clean(CODE, &td(r#", "transitEncryption": "ENABLED""#));
        assert_clean(CODE, &td(r#", "transitEncryption": "ENABLED", "transitEncryptionPort": 2999"#));
    }

    #[test]
    fn silent_for_placeholders_and_other_volume_types() {
        assert_clean(CODE, &td(r#", "transitEncryption": "${EFS_TLS}""#));
        assert_clean(
            CODE,
            r#"{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512}],
               "volumes": [{"name": "scratch"}, {"name": "h", "host": {"sourcePath": "/srv"}}]}"#,
        );
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx"}]"#);
    }

    #[test]
    fn leaves_iam_without_encryption_to_the_correctness_rule() {
        // AWS rejects IAM authorization without transit encryption (ECS-COR-040).
        assert_clean(CODE, &td(r#", "authorizationConfig": {"iam": "ENABLED"}"#));
        assert_fires(CODE, 1, &td(r#", "authorizationConfig": {"iam": "DISABLED", "accessPointId": "fsap-1"}"#));
    }

    #[test]
    fn names_unnamed_volumes_by_index() {
        let json = r#"{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512}],
                       "volumes": [{"efsVolumeConfiguration": {"fileSystemId": "fs-1"}}]}"#;
        let messages = assert_fires(CODE, 1, json);
        assert!(messages[0].contains("EFS volume #0"));
    }
}
