//! A variable named like a secret (`DB_PASSWORD`, `API_TOKEN`) with a literal value puts the
//! secret in plain text in the task definition (Security Hub ECS.8).

use super::secret_in_environment_value::credential_kind;
use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::redact::redact;
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;

declare_rule! {
    pub struct SecretInEnvironmentName {
        code: "ECS-SEC-009",
        name: "secret-in-environment-name",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a variable named like a secret is set in plain text in environment",
    }
}

/// Names that hold a credential whatever their shape: the ECS.8 list plus well-known ones.
const SECRET_NAMES: [&str; 5] =
    ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "ECS_ENGINE_AUTH_DATA", "SECRET_KEY_BASE"];

/// Names that look secret but by convention hold a file path or a directory.
const NOT_SECRET_NAMES: [&str; 2] = ["PWD", "GOOGLE_APPLICATION_CREDENTIALS"];

/// A last word that makes a name secret: `DB_PASSWORD`, `apiToken`, `CLIENT_SECRET`.
const SECRET_WORDS: [&str; 10] =
    ["PASSWORD", "PASSWD", "PASSPHRASE", "PWD", "PASS", "SECRET", "TOKEN", "APIKEY", "CREDENTIALS", "CREDENTIAL"];

/// Words that make a trailing `KEY` secret: `API_KEY`, `PRIVATE_KEY`, `LICENSE_KEY`, …
const KEY_QUALIFIERS: [&str; 11] =
    ["API", "PRIVATE", "SECRET", "ACCESS", "SIGNING", "ENCRYPTION", "MASTER", "LICENSE", "AUTH", "HMAC", "ACCOUNT"];

/// Upper-case words of a name: `DB_PASSWORD` → DB, PASSWORD; `apiKey` → API, KEY; `splunk-token`.
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() {
            words.extend((!current.is_empty()).then(|| std::mem::take(&mut current)));
            previous_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && previous_lower {
            words.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        current.push(c.to_ascii_uppercase());
    }
    words.extend((!current.is_empty()).then_some(current));
    words
}

/// The name of a variable or option says it holds a secret. Only the last word counts, so
/// `TOKEN_URL`, `PASSWORD_FILE`, `SECRET_ARN` and `MAX_TOKENS` are not secret names.
pub(super) fn is_secret_name(name: &str) -> bool {
    let upper = name.trim().to_ascii_uppercase();
    if SECRET_NAMES.contains(&upper.as_str()) {
        return true;
    }
    if NOT_SECRET_NAMES.contains(&upper.as_str()) {
        return false;
    }
    let words = words(name);
    match words.as_slice() {
        [.., last] if SECRET_WORDS.contains(&last.as_str()) => true,
        [.., qualifier, last] if last == "KEY" => KEY_QUALIFIERS.contains(&qualifier.as_str()),
        _ => false,
    }
}

/// Values that only hold a value's place (compared without case and punctuation).
const FILLERS: [&str; 14] = [
    "changeme",
    "replaceme",
    "placeholder",
    "todo",
    "tbd",
    "dummy",
    "example",
    "sample",
    "string",
    "value",
    "redacted",
    "none",
    "null",
    "undefined",
];

/// `YOUR_TOKEN`, `changeme`, `****`, `string`: a value slot the author still has to fill.
fn is_filler(name: &str, value: &str) -> bool {
    let v = value.trim().to_ascii_lowercase();
    let squashed = |s: &str| s.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
    v.chars().all(|c| matches!(c, '*' | 'x' | '.' | '#' | '-' | '_' | ' '))
        || FILLERS.contains(&squashed(&v).as_str())
        || ["your", "my", "insert", "replace", "change", "enter", "put"]
            .iter()
            .any(|p| v.strip_prefix(p).is_some_and(|rest| rest.starts_with(['_', '-', ' ', '.'])))
        || (squashed(name).len() >= 6 && squashed(value).contains(&squashed(name)))
}

/// The value is something other than a secret: a flag, a small number, a path, an ARN or a URL
/// without credentials (the secret lives elsewhere and the variable says where).
fn is_reference_or_setting(value: &str) -> bool {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    let is_url = lower
        .find("://")
        .is_some_and(|i| i > 0 && lower[..i].chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c)));
    v.chars().count() < 3
        || ["true", "false", "yes", "no", "on", "off", "enabled", "disabled"].contains(&lower.as_str())
        || (v.len() <= 5 && v.chars().all(|c| c.is_ascii_digit()))
        || v.starts_with('/')
        || v.starts_with("./")
        || v.starts_with("~/")
        || lower.starts_with("arn:")
        || is_url
}

/// A value that is, as far as the file shows, the secret itself.
pub(super) fn is_plain_secret_value(name: &str, value: &str) -> bool {
    !is_filler(name, value) && !is_reference_or_setting(value)
}

impl Rule for SecretInEnvironmentName {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            let environment = container.at("environment");
            for (i, entry) in container.array("environment").iter().enumerate() {
                let (Some(name), Some(value)) = (known_str(entry.get("name")), known_str(entry.get("value"))) else {
                    continue;
                };
                // A value that is a credential by its format is ECS-SEC-010's (error) finding.
                if !is_secret_name(name)
                    || !is_plain_secret_value(name, value)
                    || credential_kind(Some(name), value).is_some()
                {
                    continue;
                }
                let at = join(&environment, i);
                cx.report(self, join(&at, "value"))
                    .secret()
                    .message(format!(
                        "container {} sets `{name}` in plain text in `environment`: {}; anyone allowed to \
                         describe the task definition can read it",
                        container.display(),
                        redact(value)
                    ))
                    .label("a secret in plain text")
                    .related(join(&at, "name"), "named like a secret")
                    .help(format!(
                        "store the value in AWS Secrets Manager or SSM Parameter Store and pass it with `secrets`: \
                         {{\"name\": \"{name}\", \"valueFrom\": \"<secret or parameter ARN>\"}}; rotate it if this \
                         file was shared"
                    ))
                    .emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{is_plain_secret_value, is_secret_name, words};
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-009";

    fn td(name: &str, value: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256,
               "environment": [{{"name": "{name}", "value": "{value}"}}]}}]}}"#
        )
    }

    #[test]
    fn splits_names_into_words() {
        assert_eq!(words("DB_PASSWORD"), ["DB", "PASSWORD"]);
        assert_eq!(words("apiKey"), ["API", "KEY"]);
        assert_eq!(words("splunk-token"), ["SPLUNK", "TOKEN"]);
        assert_eq!(words("tls.key_passwd"), ["TLS", "KEY", "PASSWD"]);
    }

    #[test]
    fn recognises_secret_names() {
        for name in [
            "AWS_SECRET_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "ECS_ENGINE_AUTH_DATA",
            "DB_PASSWORD",
            "MYSQL_ROOT_PASSWORD",
            "SMTP_PASS",
            "REDIS_PASSWD",
            "JWT_SECRET",
            "CLIENT_SECRET",
            "GITHUB_TOKEN",
            "STRIPE_API_KEY",
            "apiKey",
            "OPENAI_APIKEY",
            "SSH_PRIVATE_KEY",
            "NEW_RELIC_LICENSE_KEY",
            "DOCKER_CREDENTIALS",
            "dbPassword",
        ] {
            assert!(is_secret_name(name), "{name}");
        }
        for name in [
            "TOKEN_URL",
            "PASSWORD_FILE",
            "DB_SECRET_ARN",
            "SECRET_NAME",
            "MAX_TOKENS",
            "PWD",
            "S3_KEY_PREFIX",
            "CACHE_KEY",
            "PASSWORD_MIN_LENGTH",
            "BYPASS",
            "GOOGLE_APPLICATION_CREDENTIALS",
            "AUTH_URL",
            "KEY",
        ] {
            assert!(!is_secret_name(name), "{name}");
        }
    }

    #[test]
    fn recognises_filler_and_reference_values() {
        for value in [
            "",
            "  ",
            "****",
            "xxxxxxxx",
            "changeme",
            "CHANGE_ME",
            "YOUR_API_TOKEN",
            "MY_SPLUNK_ACCESS_TOKEN",
            "string",
            "true",
            "3600",
            "/run/secrets/db",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf",
            "https://auth.example.com/token",
            "ab",
        ] {
            assert!(!is_plain_secret_value("SPLUNK_ACCESS_TOKEN", value), "{value}");
        }
        for value in ["hunter2", "password", "s3cr3t-P4ss!", "12345678", "tok_live_abc"] {
            assert!(is_plain_secret_value("DB_PASSWORD", value), "{value}");
        }
    }

    #[test]
    fn fires_with_the_value_redacted() {
        let messages = assert_fires(CODE, 1, &td("DB_PASSWORD", "hunter2"));
        assert_eq!(
            messages[0],
            "container `app` sets `DB_PASSWORD` in plain text in `environment`: (7 characters, redacted); anyone \
             allowed to describe the task definition can read it"
        );
        assert!(!messages[0].contains("hunter2"));
    }

    #[test]
    fn stays_silent_on_placeholders_fillers_and_harmless_names() {
        assert_clean(CODE, &td("DB_PASSWORD", "${DB_PASSWORD}"));
        assert_clean(CODE, &td("${NAME}", "hunter2"));
        assert_clean(CODE, &td("DB_PASSWORD", "<db-password>"));
        assert_clean(CODE, &td("SPLUNK_ACCESS_TOKEN", "MY_SPLUNK_ACCESS_TOKEN"));
        assert_clean(CODE, &td("DB_PASSWORD_FILE", "/run/secrets/db"));
        assert_clean(CODE, &td("LOG_LEVEL", "debug"));
        assert_clean(
            CODE,
            r#"[{"name": "a", "image": "nginx", "environment": [{"name": "DB_PASSWORD", "value": 1234567}]}]"#,
        );
    }

    #[test]
    fn defers_to_the_format_rule() {
        // An AWS key under a secret name is ECS-SEC-010's error, reported once.
        assert_clean(CODE, &td("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"));
        assert_clean(CODE, &td("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
        assert_fires("ECS-SEC-010", 1, &td("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    }

    #[test]
    fn checks_bare_container_arrays() {
        assert_fires(
            CODE,
            2,
            r#"[{"name": "a", "image": "nginx", "environment": [{"name": "API_TOKEN", "value": "t0k3n-v4lue"},
                {"name": "ADMIN_PASSWORD", "value": "password"}, {"name": "PORT", "value": "80"}]}]"#,
        );
    }
}
