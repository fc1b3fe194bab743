//! Log driver options are plain text in the task definition; a token or password there belongs in
//! `logConfiguration.secretOptions`.

use super::secret_in_environment_name::{is_plain_secret_value, is_secret_name};
use super::secret_in_environment_value::credential_kind;
use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::redact::redact;
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct SecretInLogOptions {
        code: "ECS-SEC-011",
        name: "secret-in-log-options",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a credential in plain text in log driver options",
    }
}

/// Option names that hold a credential although their last word is not a secret word
/// (Fluent Bit's Elasticsearch output takes `user:password` in `Cloud_Auth`).
const SECRET_OPTIONS: [&str; 1] = ["cloud_auth"];

impl Rule for SecretInLogOptions {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            let Some(Value::Object(options)) = container.get("logConfiguration").and_then(|l| l.get("options")) else {
                continue;
            };
            let at = join(&container.at("logConfiguration"), "options");
            for (key, value) in options {
                let Some(value) = known_str(Some(value)) else { continue };
                let named = (is_secret_name(key) || SECRET_OPTIONS.contains(&key.to_ascii_lowercase().as_str()))
                    && is_plain_secret_value(key, value);
                let kind = credential_kind(Some(key), value);
                if !named && kind.is_none() {
                    continue;
                }
                let what = kind.map_or_else(|| "a secret".to_string(), |k| k.to_string());
                cx.report(self, join(&at, key))
                    .secret()
                    .message(format!(
                        "container {} passes {what} in plain text in log option `{key}`: {}; anyone allowed to \
                         describe the task definition can read it",
                        container.display(),
                        redact(value)
                    ))
                    .label("a secret in plain text")
                    .help(format!(
                        "remove `{key}` from `options` and pass it with `logConfiguration.secretOptions`: \
                         {{\"name\": \"{key}\", \"valueFrom\": \"<secret or parameter ARN>\"}}"
                    ))
                    .emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-011";

    fn td(driver: &str, options: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256,
               "logConfiguration": {{"logDriver": "{driver}", "options": {options}}}}}]}}"#
        )
    }

    #[test]
    fn fires_on_a_splunk_token() {
        let messages = assert_fires(
            CODE,
            1,
            &td(
                "splunk",
                r#"{"splunk-url": "https://splunk.example.com:8088", "splunk-token": "00000000-1111-2222-3333-444444444444"}"#,
            ),
        );
        assert_eq!(
            messages[0],
            "container `app` passes a secret in plain text in log option `splunk-token`: 0000… (36 characters, \
             redacted); anyone allowed to describe the task definition can read it"
        );
    }

    #[test]
    fn fires_on_firelens_api_keys_and_passwords() {
        assert_fires(
            CODE,
            3,
            &td(
                "awsfirelens",
                r#"{"Name": "datadog", "apikey": "0123456789abcdef0123456789abcdef", "licenseKey": "eu01xx0123456789",
                    "HTTP_Passwd": "hunter22", "Aws_Auth": "On", "http_user": "logs"}"#,
            ),
        );
        let messages = assert_fires(
            CODE,
            1,
            &td("awsfirelens", r#"{"Name": "http", "Host": "https://logs:s3cret-pw@collector.example.com"}"#),
        );
        assert!(messages[0].contains("a URL with an embedded password"));
        assert_fires(CODE, 1, &td("awsfirelens", r#"{"Name": "es", "Cloud_Auth": "elastic:s3cret-pw"}"#));
    }

    #[test]
    fn stays_silent_on_placeholders_and_settings() {
        assert_clean(CODE, &td("splunk", r#"{"splunk-token": "${SPLUNK_TOKEN}"}"#));
        assert_clean(CODE, &td("awsfirelens", r#"{"Name": "datadog", "apikey": "<DATADOG_API_KEY>"}"#));
        assert_clean(CODE, &td("awsfirelens", r#"{"Name": "datadog", "apikey": "YOUR_API_KEY"}"#));
        assert_clean(
            CODE,
            &td(
                "awslogs",
                r#"{"awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "app"}"#,
            ),
        );
        assert_clean(CODE, &td("awsfirelens", r#""${OPTIONS}""#));
        assert_clean(CODE, &td("splunk", r#"{"splunk-token": 42}"#));
    }

    #[test]
    fn checks_bare_container_arrays() {
        assert_fires(
            CODE,
            1,
            r#"[{"name": "a", "image": "nginx", "logConfiguration": {"logDriver": "splunk",
                "options": {"splunk-token": "abcdef-123456"}}}]"#,
        );
    }
}
