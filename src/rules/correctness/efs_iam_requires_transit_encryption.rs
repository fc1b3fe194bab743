//! EFS IAM authorization works only over TLS, so AWS requires `transitEncryption: ENABLED` with it.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct EfsIamRequiresTransitEncryption {
        code: "ECS-COR-040",
        name: "efs-iam-requires-transit-encryption",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "an EFS volume with IAM authorization but without transit encryption",
    }
}

/// An EFS volume configuration with its canonical pointer and the volume's name for messages.
pub(crate) struct EfsVolume<'a> {
    pub pointer: String,
    pub display: String,
    pub config: &'a Value,
}

impl<'a> EfsVolume<'a> {
    pub fn authorization(&self, key: &str) -> Option<&'a Value> {
        self.config.get("authorizationConfig").and_then(|a| a.get(key))
    }

    /// `transitEncryption` as AWS applies it: omitted means `DISABLED`. `None` when unknown
    /// (a placeholder or a value the schema rejects).
    pub fn transit_encryption(&self) -> Option<&'a str> {
        match self.config.get("transitEncryption") {
            None | Some(Value::Null) => Some("DISABLED"),
            value => known_str(value),
        }
    }

    /// Where a finding about transit encryption goes: the field, or the configuration's key when
    /// the field is omitted.
    pub fn transit_pointer(&self) -> (String, bool) {
        match self.config.get("transitEncryption") {
            None | Some(Value::Null) => (self.pointer.clone(), true),
            Some(_) => (join(&self.pointer, "transitEncryption"), false),
        }
    }
}

/// Every `volumes[].efsVolumeConfiguration` object.
pub(crate) fn efs_volumes<'a>(task: &TaskDefinition<'a>) -> Vec<EfsVolume<'a>> {
    let Some(volumes) = task.get("volumes").and_then(Value::as_array) else {
        return Vec::new();
    };
    volumes
        .iter()
        .enumerate()
        .filter_map(|(i, volume)| {
            let config = volume.get("efsVolumeConfiguration").filter(|c| c.is_object())?;
            let display = match known_str(volume.get("name")).filter(|n| !n.is_empty()) {
                Some(name) => format!("`{name}`"),
                None => format!("#{i}"),
            };
            Some(EfsVolume { pointer: format!("/volumes/{i}/efsVolumeConfiguration"), display, config })
        })
        .collect()
}

impl Rule for EfsIamRequiresTransitEncryption {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for volume in efs_volumes(task) {
            if known_str(volume.authorization("iam")) != Some("ENABLED") {
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
                    "EFS volume {} enables IAM authorization but {how}; AWS requires transit encryption for \
                     IAM authorization and rejects the registration",
                    volume.display
                ))
                .label(if omitted { "no `transitEncryption` (DISABLED)" } else { "transit encryption disabled" })
                .related(join(&join(&volume.pointer, "authorizationConfig"), "iam"), "IAM authorization enabled here")
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

    const CODE: &str = "ECS-COR-040";

    fn td(efs: &str) -> String {
        format!(
            r#"{{"family": "web", "taskRoleArn": "arn:aws:iam::123456789012:role/task",
               "volumes": [{{"name": "data", "efsVolumeConfiguration": {efs}}}],
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256}}]}}"#
        )
    }

    #[test]
    fn fires_when_transit_encryption_is_omitted_or_disabled() {
        let messages =
            assert_fires(CODE, 1, &td(r#"{"fileSystemId": "fs-1234", "authorizationConfig": {"iam": "ENABLED"}}"#));
        assert_eq!(
            messages[0],
            "EFS volume `data` enables IAM authorization but omits `transitEncryption`, which defaults to DISABLED; \
             AWS requires transit encryption for IAM authorization and rejects the registration"
        );
        assert_fires(
            CODE,
            1,
            &td(
                r#"{"fileSystemId": "fs-1234", "transitEncryption": "DISABLED", "authorizationConfig": {"iam": "ENABLED"}}"#,
            ),
        );
        assert_fires(
            CODE,
            1,
            &td(r#"{"fileSystemId": "fs-1", "transitEncryption": null, "authorizationConfig": {"iam": "ENABLED"}}"#),
        );
    }

    #[test]
    fn clean_when_enabled_or_iam_off() {
        assert_clean(
            CODE,
            &td(
                r#"{"fileSystemId": "fs-1234", "transitEncryption": "ENABLED", "authorizationConfig": {"iam": "ENABLED"}}"#,
            ),
        );
        // iam defaults to DISABLED.
        assert_clean(CODE, &td(r#"{"fileSystemId": "fs-1234", "authorizationConfig": {"accessPointId": "fsap-1"}}"#));
        assert_clean(CODE, &td(r#"{"fileSystemId": "fs-1234", "authorizationConfig": {"iam": "DISABLED"}}"#));
        assert_clean(CODE, &td(r#"{"fileSystemId": "fs-1234"}"#));
    }

    #[test]
    fn opaque_values_are_left_alone() {
        assert_clean(
            CODE,
            &td(
                r#"{"fileSystemId": "fs-1", "transitEncryption": "${TRANSIT}", "authorizationConfig": {"iam": "ENABLED"}}"#,
            ),
        );
        assert_clean(CODE, &td(r#"{"fileSystemId": "fs-1", "authorizationConfig": {"iam": "${IAM}"}}"#));
    }

    #[test]
    fn odd_json_does_not_panic() {
        for efs in [r#"null"#, r#"[]"#, r#"{"authorizationConfig": []}"#, r#"{"authorizationConfig": {"iam": true}}"#] {
            assert_clean(CODE, &td(efs));
        }
        assert_clean(
            CODE,
            r#"{"family": "w", "volumes": {"a": 1}, "containerDefinitions": [{"name": "a", "image": "i"}]}"#,
        );
    }
}
