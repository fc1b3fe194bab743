//! An EFS access point sets the root directory itself, and it needs transit encryption: AWS rejects other combinations.

use super::efs_iam_requires_transit_encryption::efs_volumes;
use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct EfsAccessPointRootDirectory {
        code: "ECS-COR-041",
        name: "efs-access-point-root-directory",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "an EFS access point with a root directory other than /",
    }
}

impl Rule for EfsAccessPointRootDirectory {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for volume in efs_volumes(task) {
            // Set means present and not "" (a placeholder counts: some access point is used).
            if !matches!(volume.authorization("accessPointId"), Some(Value::String(s)) if !s.is_empty()) {
                continue;
            }
            let access_point_pointer = join(&join(&volume.pointer, "authorizationConfig"), "accessPointId");
            let shown = known_str(volume.authorization("accessPointId"))
                .map_or_else(|| "an access point".to_string(), |id| format!("access point `{id}`"));
            if let Some(root) = known_str(volume.config.get("rootDirectory"))
                && !root.trim_end_matches('/').is_empty()
            {
                cx.report(self, join(&volume.pointer, "rootDirectory"))
                    .message(format!(
                        "EFS volume {} mounts {shown} with `rootDirectory` `{root}`; AWS rejects it: When using an \
                         EFS access point, the root directory must either be set to \"/\" or be omitted",
                        volume.display
                    ))
                    .label("must be \"/\" or omitted with an access point")
                    .related(access_point_pointer.as_str(), "access point set here")
                    .help(
                        "remove `rootDirectory`: the access point's own root directory applies; to mount a \
                         subdirectory, create an access point whose root directory is that path",
                    )
                    .emit();
            }
            // IAM authorization without transit encryption is ECS-COR-040's finding, with the same fix.
            if known_str(volume.authorization("iam")) == Some("ENABLED") {
                continue;
            }
            if volume.transit_encryption() != Some("DISABLED") {
                continue;
            }
            let (pointer, omitted) = volume.transit_pointer();
            let how = if omitted {
                "omits `transitEncryption`, which defaults to DISABLED"
            } else {
                "sets `transitEncryption` to DISABLED"
            };
            let mut report = cx
                .report(self, pointer)
                .message(format!(
                    "EFS volume {} mounts {shown} but {how}; AWS requires transit encryption with an access \
                     point and rejects the registration",
                    volume.display
                ))
                .label(if omitted { "no `transitEncryption` (DISABLED)" } else { "transit encryption disabled" })
                .related(access_point_pointer, "access point set here")
                .help("set `\"transitEncryption\": \"ENABLED\"` in this `efsVolumeConfiguration`");
            if omitted {
                report = report.on_key();
            }
            report.emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-041";

    fn td(efs: &str) -> String {
        format!(
            r#"{{"family": "web",
               "volumes": [{{"name": "data", "efsVolumeConfiguration": {efs}}}],
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256}}]}}"#
        )
    }

    #[test]
    fn root_directory_with_an_access_point_quotes_aws() {
        let messages = assert_fires(
            CODE,
            1,
            &td(r#"{"fileSystemId": "fs-1234", "rootDirectory": "/data", "transitEncryption": "ENABLED",
                    "authorizationConfig": {"accessPointId": "fsap-1234"}}"#),
        );
        assert_eq!(
            messages[0],
            "EFS volume `data` mounts access point `fsap-1234` with `rootDirectory` `/data`; AWS rejects it: When \
             using an EFS access point, the root directory must either be set to \"/\" or be omitted"
        );
    }

    #[test]
    fn access_point_needs_transit_encryption() {
        let messages = assert_fires(
            CODE,
            1,
            &td(r#"{"fileSystemId": "fs-1", "authorizationConfig": {"accessPointId": "fsap-1"}}"#),
        );
        assert!(messages[0].contains("omits `transitEncryption`, which defaults to DISABLED"), "{}", messages[0]);
        // Both problems at once.
        assert_fires(
            CODE,
            2,
            &td(r#"{"fileSystemId": "fs-1", "rootDirectory": "/x", "transitEncryption": "DISABLED",
                    "authorizationConfig": {"accessPointId": "fsap-1"}}"#),
        );
        // With IAM enabled the transit finding belongs to ECS-COR-040.
        assert_clean(
            CODE,
            &td(r#"{"fileSystemId": "fs-1", "authorizationConfig": {"accessPointId": "fsap-1", "iam": "ENABLED"}}"#),
        );
    }

    #[test]
    fn clean_forms() {
        for efs in [
            r#"{"fileSystemId": "fs-1", "transitEncryption": "ENABLED", "authorizationConfig": {"accessPointId": "fsap-1"}}"#,
            r#"{"fileSystemId": "fs-1", "rootDirectory": "/", "transitEncryption": "ENABLED", "authorizationConfig": {"accessPointId": "fsap-1", "iam": "ENABLED"}}"#,
            r#"{"fileSystemId": "fs-1", "rootDirectory": "", "transitEncryption": "ENABLED", "authorizationConfig": {"accessPointId": "fsap-1"}}"#,
            // No access point: any root directory, no encryption needed.
            r#"{"fileSystemId": "fs-1", "rootDirectory": "/data"}"#,
            r#"{"fileSystemId": "fs-1", "rootDirectory": "/data", "authorizationConfig": {"accessPointId": ""}}"#,
        ] {
            assert_clean(CODE, &td(efs));
        }
    }

    #[test]
    fn opaque_values() {
        assert_clean(
            CODE,
            &td(r#"{"fileSystemId": "fs-1", "rootDirectory": "${ROOT}", "transitEncryption": "${T}",
                    "authorizationConfig": {"accessPointId": "fsap-1"}}"#),
        );
        // A placeholder access point is still an access point.
        let messages = assert_fires(
            CODE,
            1,
            &td(r#"{"fileSystemId": "fs-1", "rootDirectory": "/data", "transitEncryption": "ENABLED",
                    "authorizationConfig": {"accessPointId": "${AP}"}}"#),
        );
        assert!(messages[0].contains("mounts an access point with"), "{}", messages[0]);
    }
}
