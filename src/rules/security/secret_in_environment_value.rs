//! A value that is a credential by its format (an AWS access key, a private key, a token) sits in
//! plain text in the task definition, readable by anyone allowed DescribeTaskDefinition.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::redact::redact;
use crate::model::{Container, TaskDefinition, join};
use crate::rule::Rule;
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

declare_rule! {
    pub struct SecretInEnvironmentValue {
        code: "ECS-SEC-010",
        name: "secret-in-environment-value",
        category: Security,
        severity: Error,
        since: "0.1.0",
        summary: "a credential in plain text in environment",
    }
}

/// Credential formats recognised whatever the variable is called: (pattern, what it is). Token
/// prefixes as published by each vendor (checked 2026-11-23): AWS IAM unique-ID prefixes
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids),
/// GitHub (https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/),
/// Slack (https://api.slack.com/concepts/token-types), Stripe (https://docs.stripe.com/keys),
/// Google (https://cloud.google.com/docs/authentication/api-keys).
static FORMATS: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    [
        (r"(?:^|[^A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?:$|[^A-Za-z0-9])", "an AWS access key ID"),
        (r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----", "a PEM private key"),
        (r"(?:^|[^A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36}(?:$|[^A-Za-z0-9_])", "a GitHub token"),
        (r"(?:^|[^A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,}", "a GitHub token"),
        (r"(?:^|[^A-Za-z0-9])xox[baprs]-[A-Za-z0-9-]{10,}", "a Slack token"),
        (r"hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{16,}", "a Slack webhook URL"),
        (r"(?:^|[^A-Za-z0-9])[sr]k_live_[A-Za-z0-9]{20,}", "a Stripe live secret key"),
        (r"(?:^|[^A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?:$|[^A-Za-z0-9_-])", "a Google API key"),
    ]
    .into_iter()
    .filter_map(|(pattern, kind)| Regex::new(pattern).ok().map(|re| (re, kind)))
    .collect()
});

/// `scheme://user:password@host`: the password group is checked for template fillers.
static URL_PASSWORD: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s/:@]*:([^\s/@]+)@[^\s/@]").ok());

/// An AWS secret access key: 40 characters of base64 (only believed when the name says so).
static AWS_SECRET_KEY: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^[A-Za-z0-9/+]{40}$").ok());

/// What kind of credential `value` is by its format, if any. `name` is the variable or key it is
/// stored under (for formats that are only recognisable together with their name).
pub(super) fn credential_kind(name: Option<&str>, value: &str) -> Option<&'static str> {
    if let Some((_, kind)) = FORMATS.iter().find(|(re, _)| re.is_match(value)) {
        return Some(*kind);
    }
    if let Some(password) = URL_PASSWORD.as_ref().and_then(|re| re.captures(value)).and_then(|c| c.get(1))
        && !is_filler_password(password.as_str())
    {
        return Some("a URL with an embedded password");
    }
    let upper = name.map(str::to_ascii_uppercase).unwrap_or_default();
    if (upper.contains("SECRET_ACCESS_KEY") || upper == "AWS_SECRET_KEY")
        && AWS_SECRET_KEY.as_ref().is_some_and(|re| re.is_match(value))
        && value.chars().any(|c| c.is_ascii_lowercase())
        && value.chars().any(|c| c.is_ascii_uppercase())
        && value.chars().any(|c| c.is_ascii_digit())
    {
        return Some("an AWS secret access key");
    }
    None
}

/// `****`, `xxx`, `PASSWORD`, `DB_PASS`: a password slot still waiting for its value.
fn is_filler_password(password: &str) -> bool {
    password.chars().all(|c| matches!(c, '*' | 'x' | 'X' | '.' | '#'))
        || password.chars().all(|c| c.is_ascii_uppercase() || c == '_')
}

impl Rule for SecretInEnvironmentValue {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            self.check_environment(&container, cx);
            self.check_labels(&container, cx);
        }
    }
}

impl SecretInEnvironmentValue {
    fn check_environment(&self, container: &Container<'_>, cx: &mut LintContext<'_>) {
        let environment = container.at("environment");
        for (i, entry) in container.array("environment").iter().enumerate() {
            let name = known_str(entry.get("name"));
            let Some(value) = known_str(entry.get("value")) else { continue };
            let Some(kind) = credential_kind(name, value) else { continue };
            let variable = name.map_or_else(|| format!("`environment[{i}]`"), |n| format!("`{n}`"));
            cx.report(self, join(&join(&environment, i), "value"))
                .secret()
                .message(format!(
                    "container {} sets {variable} to {kind} in plain text: {}",
                    container.display(),
                    redact(value)
                ))
                .label(format!("{kind} in plain text"))
                .help(if kind.starts_with("an AWS") {
                    "revoke this key and remove it; give the task a task role (`taskRoleArn`) with the permissions it \
                     needs, and the containers get temporary credentials automatically"
                } else {
                    "revoke and rotate this credential, store the new one in AWS Secrets Manager or SSM Parameter \
                     Store, and pass it with `secrets` ({\"name\": ..., \"valueFrom\": \"<secret or parameter ARN>\"}) \
                     instead of `environment`"
                })
                .emit();
        }
    }

    fn check_labels(&self, container: &Container<'_>, cx: &mut LintContext<'_>) {
        let Some(Value::Object(labels)) = container.get("dockerLabels") else { return };
        let at = container.at("dockerLabels");
        for (key, value) in labels {
            let Some(value) = known_str(Some(value)) else { continue };
            let Some(kind) = credential_kind(Some(key), value) else { continue };
            cx.report(self, join(&at, key))
                .secret()
                .message(format!(
                    "container {} has a Docker label `{key}` whose value is {kind} in plain text: {}",
                    container.display(),
                    redact(value)
                ))
                .label(format!("{kind} in plain text"))
                .help(
                    "revoke and rotate this credential and remove it from `dockerLabels`: labels are readable by \
                     anyone who can describe the task definition or inspect the container",
                )
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::credential_kind;
    use crate::linter::lint_source;
    use crate::rules::tester::{assert_clean, assert_fires};
    use crate::settings::Settings;

    const CODE: &str = "ECS-SEC-010";
    const KEY_ID: &str = "AKIAIOSFODNN7EXAMPLE";

    fn td(name: &str, value: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256,
               "environment": [{{"name": "{name}", "value": "{value}"}}]}}]}}"#
        )
    }

    #[test]
    fn fires_on_an_aws_key_whatever_the_name() {
        let messages = assert_fires(CODE, 1, &td("S3_UPLOADER", KEY_ID));
        assert_eq!(
            messages[0],
            "container `app` sets `S3_UPLOADER` to an AWS access key ID in plain text: AKIA… (20 characters, redacted)"
        );
        assert_fires(CODE, 1, &td("CONFIG", &format!("key={KEY_ID};region=eu-west-1")));
        assert_fires(CODE, 1, &td("AWS_ACCESS_KEY_ID", "ASIAIOSFODNN7EXAMPLE"));
    }

    #[test]
    fn recognises_each_format() {
        let cases = [
            (None, "-----BEGIN RSA PRIVATE KEY-----\nMIIE...", "a PEM private key"),
            (None, "-----BEGIN OPENSSH PRIVATE KEY-----", "a PEM private key"),
            (None, "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "a GitHub token"),
            (None, "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "a GitHub token"),
            (None, "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOp", "a Slack token"),
            (
                None,
                "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
                "a Slack webhook URL",
            ),
            (None, "sk_live_abcdefghijklmnopqrstuvwx", "a Stripe live secret key"),
            (None, "AIzaSyA-abcdefghijklmnopqrstuvwxyz01234", "a Google API key"),
            (None, "postgres://app:s3cr3t-Pa55@db.internal:5432/app", "a URL with an embedded password"),
            (None, "redis://:hunter2@cache:6379/0", "a URL with an embedded password"),
            (Some("AWS_SECRET_ACCESS_KEY"), "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "an AWS secret access key"),
        ];
        for (name, value, kind) in cases {
            assert_eq!(credential_kind(name, value), Some(kind), "{value}");
        }
    }

    #[test]
    fn ignores_look_alikes() {
        let cases = [
            (None, "AKIAIOSFODNN7EXAMPLEXYZ"),
            (None, "https://api.example.com:8443/v1"),
            (None, "postgres://app:****@db:5432/app"),
            (None, "postgres://USER:PASSWORD@HOST:5432/DB"),
            (None, "git@github.com:org/repo.git"),
            (None, "sk_test_abcdefghijklmnopqrstuvwx"),
            (None, "-----BEGIN PUBLIC KEY-----"),
            (Some("GIT_COMMIT"), "0123456789abcdef0123456789abcdef01234567"),
            (Some("AWS_SECRET_ACCESS_KEY"), "short"),
        ];
        for (name, value) in cases {
            assert_eq!(credential_kind(name, value), None, "{value}");
        }
    }

    #[test]
    fn placeholders_and_plain_values_are_clean() {
        assert_clean(CODE, &td("AWS_ACCESS_KEY_ID", "${AWS_ACCESS_KEY_ID}"));
        assert_clean(CODE, &td("DATABASE_URL", "postgres://{{ db_user }}:{{ db_password }}@db/app"));
        assert_clean(CODE, &td("LOG_LEVEL", "info"));
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx", "environment": [{"name": "N", "value": 42}]}]"#);
    }

    #[test]
    fn checks_docker_labels_and_bare_arrays() {
        let json = format!(
            r#"[{{"name": "app", "image": "nginx", "dockerLabels": {{"deploy.key": "{KEY_ID}", "team": "web"}}}}]"#
        );
        let messages = assert_fires(CODE, 1, &json);
        assert!(messages[0].contains("Docker label `deploy.key`"));
    }

    #[test]
    fn the_key_never_reaches_any_output() {
        let json = format!(
            r#"{{"family": "web", "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256,
               "environment": [{{"name": "AWS_ACCESS_KEY_ID", "value": "{KEY_ID}"}}],
               "dockerLabels": {{"key": "{KEY_ID}"}}}}]}}"#
        );
        let report = lint_source("test.json", json.into_bytes(), &Settings::default());
        let found: Vec<_> = report.diagnostics.iter().filter(|d| d.rule.code == CODE).collect();
        assert_eq!(found.len(), 2);
        for d in &report.diagnostics {
            assert!(!d.message.contains(KEY_ID), "{}", d.message);
            assert!(!d.help.as_deref().unwrap_or_default().contains(KEY_ID));
            assert!(!d.label.as_deref().unwrap_or_default().contains(KEY_ID));
            assert!(d.labels.iter().all(|l| !l.message.contains(KEY_ID)));
        }
        assert!(!report.sources.is_empty());
        for source in report.sources.values() {
            assert!(!source.contains(KEY_ID), "the snippet source still holds the key");
            assert!(source.contains("\"AWS_ACCESS_KEY_ID\""), "only the value is masked");
        }
        // Only ECS-SEC-010 reports the entry: ECS-SEC-009 defers to it.
        assert!(report.diagnostics.iter().all(|d| d.rule.code != "ECS-SEC-009"));
    }
}
