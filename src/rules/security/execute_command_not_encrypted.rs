//! ECS Exec sessions can carry secrets typed or printed in a shell: checkov's CKV_AWS_224 asks for
//! a customer managed KMS key on the session channel and encryption of the session logs.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::Cluster;
use crate::model::known::{is_present, known_str};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct ExecuteCommandNotEncrypted {
        code: "ECS-SEC-037",
        name: "execute-command-not-encrypted",
        category: Security,
        severity: Info,
        since: "0.1.0",
        summary: "no customer managed KMS key for ECS Exec sessions, or no encryption of their logs",
    }
}

const EXEC: &str = "/configuration/executeCommandConfiguration";

/// A boolean as CloudFormation and Terraform accept it (`true`, `"true"`); `Err` for a value that
/// cannot be known (a placeholder).
fn flag(value: Option<&Value>) -> Result<bool, ()> {
    match value {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Ok(true),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Ok(false),
        Some(_) => Err(()),
    }
}

/// Whether `logConfiguration` turns on CloudWatch or S3 encryption; `None` when it cannot be known.
fn logs_encrypted(log: Option<&Value>) -> Option<bool> {
    match log {
        None | Some(Value::Null) => Some(false),
        Some(Value::Object(log)) => {
            let flags = [flag(log.get("cloudWatchEncryptionEnabled")), flag(log.get("s3EncryptionEnabled"))];
            if flags.contains(&Ok(true)) {
                Some(true)
            } else if flags.contains(&Err(())) {
                None
            } else {
                Some(false)
            }
        }
        Some(_) => None,
    }
}

impl Rule for ExecuteCommandNotEncrypted {
    fn check_cluster(&self, cluster: &Cluster<'_>, cx: &mut LintContext<'_>) {
        let Some(Value::Object(exec)) = cluster.at(&["configuration", "executeCommandConfiguration"]) else {
            return;
        };
        // Sessions that are not logged are ECS-SEC-036's finding; an unknown setting may be NONE.
        match exec.get("logging") {
            None | Some(Value::Null) => {}
            logging => match known_str(logging) {
                Some("NONE") | None => return,
                Some(_) => {}
            },
        }
        let kms = match exec.get("kmsKeyId") {
            Some(Value::String(s)) => !s.trim().is_empty(),
            other => is_present(other),
        };
        let Some(encrypted) = logs_encrypted(exec.get("logConfiguration")) else { return };
        let who = cluster.describe();
        let help = "set `kmsKeyId` to a customer managed KMS key (the task role needs `kms:Decrypt` on it), and set \
                    `logging` OVERRIDE with `cloudWatchEncryptionEnabled` or `s3EncryptionEnabled` true in \
                    `logConfiguration` (the log group or bucket must be encrypted)";
        if !kms {
            let logs = if encrypted {
                ""
            } else {
                ", and its `logConfiguration` turns on neither CloudWatch nor S3 encryption of the session logs"
            };
            cx.report(self, EXEC)
                .on_key()
                .message(format!(
                    "{who} does not encrypt ECS Exec sessions with a customer managed KMS key (no `kmsKeyId`){logs}"
                ))
                .label("no kmsKeyId")
                .help(help)
                .emit();
        } else if !encrypted {
            let at = if is_present(exec.get("logConfiguration")) {
                format!("{EXEC}/logConfiguration")
            } else {
                EXEC.to_string()
            };
            cx.report(self, at)
                .on_key()
                .message(format!(
                    "{who} encrypts ECS Exec sessions with a KMS key, but its `logConfiguration` turns on neither \
                     `cloudWatchEncryptionEnabled` nor `s3EncryptionEnabled` for the session logs"
                ))
                .label("session logs not encrypted")
                .help(help)
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{cluster_findings, render_findings};

    const CODE: &str = "ECS-SEC-037";

    fn cluster(exec: &str) -> String {
        format!(r#"{{"clusterName": "white-hart", "configuration": {{"executeCommandConfiguration": {exec}}}}}"#)
    }

    const KEY: &str = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";

    /// checkov's CKV_AWS_224 fixture (`example_ECSClusterLoggingEncryptedWithCMK/main.tf`), in the
    /// canonical shape: FAILED resources are reported, PASSED and UNKNOWN ones are not.
    #[test]
    fn agrees_with_the_checkov_fixture() {
        let fixture: [(&str, String, usize); 9] = [
            ("fail4", cluster(&format!(r#"{{"kmsKeyId": "{KEY}"}}"#)), 1),
            ("unknown", r#"{"clusterName": "white-hart"}"#.to_string(), 0),
            ("unknown2", cluster(r#"{"logging": "NONE", "logConfiguration": {}}"#), 0),
            ("fail", cluster(r#"{"logConfiguration": {}}"#), 1),
            ("fail2", cluster(&format!(r#"{{"kmsKeyId": "{KEY}", "logConfiguration": {{}}}}"#)), 1),
            (
                "fail3",
                cluster(&format!(
                    r#"{{"kmsKeyId": "{KEY}", "logConfiguration": {{"cloudWatchEncryptionEnabled": false}}}}"#
                )),
                1,
            ),
            ("fail5", cluster(&format!(r#"{{"kmsKeyId": "{KEY}", "logConfiguration": null}}"#)), 1),
            (
                "pass",
                cluster(&format!(
                    r#"{{"kmsKeyId": "{KEY}", "logConfiguration": {{"cloudWatchEncryptionEnabled": true}}}}"#
                )),
                0,
            ),
            (
                "pass2",
                cluster(&format!(r#"{{"kmsKeyId": "{KEY}", "logConfiguration": {{"s3EncryptionEnabled": true}}}}"#)),
                0,
            ),
        ];
        for (name, json, expected) in fixture {
            assert_eq!(cluster_findings(CODE, &json).len(), expected, "{name}");
        }
    }

    #[test]
    fn messages_name_what_is_missing() {
        let found = cluster_findings(CODE, &cluster(r#"{"logging": "DEFAULT"}"#));
        assert_eq!(found[0].pointer, "/configuration/executeCommandConfiguration");
        assert!(found[0].message.contains("no `kmsKeyId`), and its `logConfiguration` turns on neither"));
        let found = cluster_findings(CODE, &cluster(&format!(r#"{{"kmsKeyId": "{KEY}", "logConfiguration": {{}}}}"#)));
        assert_eq!(found[0].pointer, "/configuration/executeCommandConfiguration/logConfiguration");
        assert!(found[0].message.contains("with a KMS key, but its `logConfiguration` turns on neither"));
    }

    #[test]
    fn override_with_encryption_and_placeholders_are_clean() {
        let good = format!(
            r#"{{"kmsKeyId": "{KEY}", "logging": "OVERRIDE", "logConfiguration": {{"cloudWatchLogGroupName": "/ecs/exec",
                "cloudWatchEncryptionEnabled": true}}}}"#
        );
        assert!(cluster_findings(CODE, &cluster(&good)).is_empty());
        for exec in [
            r#"{"kmsKeyId": "${KMS_KEY}", "logConfiguration": {"s3EncryptionEnabled": "true"}}"#,
            r#"{"kmsKeyId": "k", "logConfiguration": {"cloudWatchEncryptionEnabled": "${ENCRYPT}"}}"#,
            r#"{"kmsKeyId": "k", "logConfiguration": "${LOG_CONFIGURATION}"}"#,
            r#"{"logging": "${LOGGING}"}"#,
            r#""${EXEC_CONFIGURATION}""#,
        ] {
            assert!(cluster_findings(CODE, &cluster(exec)).is_empty(), "{exec}");
        }
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(render_findings(&cluster_findings(CODE, &cluster(r#"{"logging": "DEFAULT"}"#))));
    }
}
