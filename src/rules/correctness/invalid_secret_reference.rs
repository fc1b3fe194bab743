//! ECS reads a secret only through an SSM parameter name or ARN or a Secrets Manager secret ARN; anything else is rejected or cannot start.

use crate::context::LintContext;
use crate::data::arn;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::redact::redact;
use crate::model::{Container, TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct InvalidSecretReference {
        code: "ECS-COR-037",
        name: "invalid-secret-reference",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a secret valueFrom that is not a valid SSM parameter or Secrets Manager reference",
    }
}

/// One `secrets[]` or `logConfiguration.secretOptions[]` entry with a known `valueFrom`.
pub(crate) struct SecretReference<'a> {
    pub container: Container<'a>,
    /// Position in its list, for messages when the entry has no name.
    pub index: usize,
    /// Canonical pointer to `valueFrom`.
    pub pointer: String,
    pub name: Option<&'a str>,
    pub value_from: &'a str,
    /// From `logConfiguration.secretOptions` rather than `secrets`.
    pub log_option: bool,
}

impl SecretReference<'_> {
    /// How messages name the entry: `` secret `DB_PASSWORD` of container `app` ``.
    pub fn subject(&self) -> String {
        let name = self.name.map_or_else(|| format!("#{}", self.index), |n| format!("`{n}`"));
        let kind = if self.log_option { "log secret option" } else { "secret" };
        format!("{kind} {name} of container {}", self.container.display())
    }
}

/// Every secret reference of every container whose `valueFrom` is known (not a placeholder).
pub(crate) fn secret_references<'a>(task: &TaskDefinition<'a>) -> Vec<SecretReference<'a>> {
    let mut out = Vec::new();
    for container in task.containers() {
        let secret_options = container
            .get("logConfiguration")
            .and_then(|l| l.get("secretOptions"))
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        let lists = [
            (container.array("secrets"), container.at("secrets"), false),
            (secret_options, join(&container.at("logConfiguration"), "secretOptions"), true),
        ];
        for (items, list_pointer, log_option) in lists {
            for (index, item) in items.iter().enumerate() {
                let Some(value_from) = known_str(item.get("valueFrom")) else {
                    continue;
                };
                out.push(SecretReference {
                    container,
                    index,
                    pointer: join(&join(&list_pointer, index), "valueFrom"),
                    name: known_str(item.get("name")).filter(|n| !n.is_empty()),
                    value_from,
                    log_option,
                });
            }
        }
    }
    out
}

struct Problem {
    /// Follows the subject: "has an empty `valueFrom`", "references `x`, which …".
    what: String,
    label: String,
    help: String,
    /// The value may be a secret pasted in place of a reference: it is masked and not quoted.
    secret: bool,
}

fn problem(what: impl Into<String>, label: impl Into<String>, help: impl Into<String>) -> Option<Problem> {
    Some(Problem { what: what.into(), label: label.into(), help: help.into(), secret: false })
}

const BOTH_FORMS: &str = "use `arn:<partition>:ssm:<region>:<account-id>:parameter/<name>` for an SSM parameter or \
                          `arn:<partition>:secretsmanager:<region>:<account-id>:secret:<name>` for a Secrets Manager secret";

/// The error ECS returns when a plain parameter name has a character SSM does not allow
/// (aws/copilot-cli#3446); `{secret}` is the secret's name.
fn parameter_name_error(secret: &str) -> String {
    format!(
        "The Systems Manager parameter name specified for secret {secret} is invalid. The parameter name can be up \
         to 2048 characters and include the following letters and symbols: a-zA-Z0-9_.-"
    )
}

fn describe_char(c: char) -> String {
    match c {
        ' ' => "a space".to_string(),
        '\t' => "a tab".to_string(),
        c if c.is_whitespace() || c.is_control() => format!("the character U+{:04X}", c as u32),
        c => format!("`{c}`"),
    }
}

/// SSM parameter names: letters, digits, `_.-`, and `/` between hierarchy levels. Names under
/// `/aws/reference/secretsmanager/` name a Secrets Manager secret, whose names may also use `+=@`.
fn parameter_char_ok(c: char, secrets_manager_reference: bool) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '_' | '.' | '-' | '/')
        || (secrets_manager_reference && matches!(c, '+' | '=' | '@'))
}

/// Secrets Manager secret names: letters, digits and `/_+=.@-`.
fn secret_char_ok(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '+' | '=' | '.' | '@' | '-')
}

const REFERENCE_PREFIX: &str = "aws/reference/secretsmanager/";

fn check(value_from: &str, secret: &str) -> Option<Problem> {
    if value_from.trim().is_empty() {
        return problem(
            "has an empty `valueFrom`",
            "empty",
            "set `valueFrom` to the name or ARN of an SSM parameter, or to the ARN of a Secrets Manager secret",
        );
    }
    if value_from.starts_with("arn:") {
        return check_arn(value_from, secret);
    }
    check_parameter_name(value_from, secret)
}

/// A plain `valueFrom` that may be the secret itself, pasted by mistake (an access key in place
/// of a parameter name is a reported cause of the invalid-name error): it has characters SSM names
/// cannot have, or a long run of mixed-case letters and digits. Such a value is never shown.
fn may_be_secret_value(name: &str, bad_char: bool) -> bool {
    let reference_prefix = name.split_once(':').is_some_and(|(prefix, _)| {
        ["arn", "aws", "ssm", "secretsmanager"].iter().any(|p| prefix.eq_ignore_ascii_case(p))
    });
    (bad_char && !reference_prefix)
        || name.split('/').any(|segment| {
            segment.len() >= 16
                && segment.bytes().any(|b| b.is_ascii_uppercase())
                && segment.bytes().any(|b| b.is_ascii_lowercase())
                && segment.bytes().any(|b| b.is_ascii_digit())
                && segment.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'=')
        })
}

fn check_parameter_name(name: &str, secret: &str) -> Option<Problem> {
    let reference = name.strip_prefix('/').is_some_and(|n| n.starts_with(REFERENCE_PREFIX));
    let bad_char = name.chars().find(|c| !parameter_char_ok(*c, reference));
    let hidden = may_be_secret_value(name, bad_char.is_some());
    let shown = if hidden { format!("the value {}", redact(name)) } else { format!("`{name}`") };
    let mut found = check_parameter_name_shown(name, &shown, hidden, bad_char, secret)?;
    found.secret = hidden;
    Some(found)
}

fn check_parameter_name_shown(
    name: &str,
    shown: &str,
    hidden: bool,
    bad_char: Option<char>,
    secret: &str,
) -> Option<Problem> {
    if let Some(c) = bad_char {
        let help = if hidden {
            format!(
                "if this is the secret itself, store it in SSM Parameter Store or Secrets Manager, reference that \
                 instead, and rotate the secret; otherwise remove {}",
                describe_char(c)
            )
        } else if c == ':' {
            format!("write the full ARN instead; {BOTH_FORMS}")
        } else {
            format!(
                "remove {}: parameter names use letters, digits, `_`, `.`, `-`, and `/` between hierarchy levels",
                describe_char(c)
            )
        };
        return problem(
            format!(
                "references {shown}, which is not an ARN, so ECS reads it as an SSM parameter name, and such names \
                 cannot contain {}; AWS rejects it: {}",
                describe_char(c),
                parameter_name_error(secret)
            ),
            "not a valid SSM parameter name",
            help,
        );
    }
    if name.chars().count() > 2048 {
        return problem(
            format!(
                "references an SSM parameter name of {} characters; AWS rejects it: {}",
                name.chars().count(),
                parameter_name_error(secret)
            ),
            "longer than 2048 characters",
            "use the parameter's real name; SSM parameter names are at most 1011 characters",
        );
    }
    if name.contains('/') && !name.starts_with('/') {
        let help = if hidden {
            "for an SSM parameter in a hierarchy start the name with `/`; for a Secrets Manager secret use its full \
             ARN; if this is the secret itself, store it in SSM Parameter Store or Secrets Manager and rotate it"
                .to_string()
        } else {
            format!(
                "for an SSM parameter in a hierarchy write `/{name}`; for a Secrets Manager secret use its full ARN, \
                 `arn:<partition>:secretsmanager:<region>:<account-id>:secret:{name}-<6 characters>`"
            )
        };
        return problem(
            format!(
                "references {shown}, which is not an ARN, so ECS reads it as an SSM parameter name, but a parameter \
                 name with `/` must start with `/` (SSM: Parameter name must be a fully qualified name), so no \
                 parameter can have this name"
            ),
            "not a fully qualified parameter name",
            help,
        );
    }
    if name.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("ssm")) {
        return problem(
            format!(
                "references the SSM parameter name {shown}, but names starting with `ssm` are reserved (SSM: \
                 Parameter name: can't be prefixed with \"ssm\" (case-insensitive)), so no parameter can have it"
            ),
            "reserved `ssm` prefix",
            "reference the parameter by its real name, or by its full ARN \
             (`arn:<partition>:ssm:<region>:<account-id>:parameter/<name>`)",
        );
    }
    None
}

fn check_arn(value: &str, secret: &str) -> Option<Problem> {
    let Some(parts) = arn::parse(value) else {
        return problem(
            format!("references `{value}`, which is not a complete ARN"),
            "incomplete ARN",
            BOTH_FORMS.replacen("use", "write", 1),
        );
    };
    if let Some(c) = value.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return problem(
            format!("references `{value}`, an ARN that contains {}", describe_char(c)),
            "ARN with whitespace",
            format!("remove {}", describe_char(c)),
        );
    }
    if !arn::is_partition(parts.partition) {
        return problem(
            format!("references `{value}`, whose partition `{}` is not an AWS partition", parts.partition),
            "not an AWS partition",
            "use the partition of the secret's Region: `aws`, `aws-cn` or `aws-us-gov`",
        );
    }
    let ssm = match parts.service {
        "ssm" => true,
        "secretsmanager" => false,
        other => {
            return problem(
                format!(
                    "references a `{other}` ARN; ECS reads secrets only from SSM Parameter Store and Secrets Manager"
                ),
                "not an SSM parameter or Secrets Manager secret",
                format!("point `valueFrom` at the parameter or secret that holds the value; {BOTH_FORMS}"),
            );
        }
    };
    let service = if ssm { "an SSM parameter" } else { "a Secrets Manager" };
    if parts.region.is_empty() {
        return problem(
            format!("references `{value}`, {service} ARN without a Region"),
            "no Region in the ARN",
            "add the Region the secret lives in, e.g. `arn:aws:ssm:eu-west-1:<account-id>:…`",
        );
    }
    if !arn::is_stand_in(parts.region) {
        if !arn::is_region_shaped(parts.region) {
            return problem(
                format!("references `{value}`, whose Region `{}` is not a Region name", parts.region),
                "not a Region",
                "write the Region code, such as `us-east-1` or `eu-west-1`",
            );
        }
        if let Some(why) = arn::region_partition_mismatch(parts.partition, parts.region) {
            return problem(
                format!("references `{value}`, but {why}"),
                "Region not in this partition",
                "use the partition that matches the Region: `aws-cn` for `cn-` Regions, `aws-us-gov` for `us-gov-` \
                 Regions, `aws` for the others",
            );
        }
    }
    if parts.account.is_empty() {
        let aws = if ssm { "; AWS rejects it: The Systems Manager parameter ARN spec…" } else { "" };
        return problem(
            format!("references `{value}`, {service} ARN without an account ID{aws}"),
            "no account ID in the ARN",
            "add the 12-digit account ID that owns the secret between the Region and the resource",
        );
    }
    if !arn::is_stand_in(parts.account) && !arn::is_account_id(parts.account) {
        return problem(
            format!("references `{value}`, whose account ID `{}` is not 12 digits", parts.account),
            "not a 12-digit account ID",
            "write the account ID that owns the secret as its 12 digits",
        );
    }
    if ssm { check_ssm_resource(value, parts.resource, secret) } else { check_secret_resource(value, parts.resource) }
}

fn check_ssm_resource(value: &str, resource: &str, secret: &str) -> Option<Problem> {
    let Some(name) = resource.strip_prefix("parameter/") else {
        let help = match resource.strip_prefix("parameter") {
            Some(rest) if !rest.trim_start_matches([':', '/']).is_empty() => {
                format!("write the resource as `parameter/{}`", rest.trim_start_matches([':', '/']))
            }
            _ => {
                "write the resource as `parameter/<name>` (without the leading `/` of a hierarchical name)".to_string()
            }
        };
        return problem(
            format!("references `{value}`, an SSM ARN whose resource `{resource}` is not `parameter/<name>`"),
            "not `parameter/<name>`",
            help,
        );
    };
    if name.is_empty() {
        return problem(
            format!("references `{value}`, an SSM ARN that names no parameter"),
            "no parameter name",
            "add the parameter's name after `parameter/`",
        );
    }
    let reference = name.trim_start_matches('/').starts_with(REFERENCE_PREFIX);
    if let Some(c) = name.chars().find(|c| !parameter_char_ok(*c, reference)) {
        return problem(
            format!(
                "references `{value}`, whose parameter name contains {}; AWS rejects it: {}",
                describe_char(c),
                parameter_name_error(secret)
            ),
            "not a valid SSM parameter name",
            format!(
                "remove {}: parameter names use letters, digits, `_`, `.`, `-`, and `/` between hierarchy levels",
                describe_char(c)
            ),
        );
    }
    None
}

fn check_secret_resource(value: &str, resource: &str) -> Option<Problem> {
    let Some(rest) = resource.strip_prefix("secret:") else {
        return problem(
            format!("references `{value}`, a Secrets Manager ARN whose resource `{resource}` is not `secret:<name>`"),
            "not `secret:<name>`",
            "copy the secret's ARN from Secrets Manager: `arn:<partition>:secretsmanager:<region>:<account-id>:secret:<name>-<6 characters>`",
        );
    };
    let mut fields = rest.split(':');
    let name = fields.next().unwrap_or_default();
    if name.is_empty() {
        return problem(
            format!("references `{value}`, a Secrets Manager ARN that names no secret"),
            "no secret name",
            "add the secret's name (with its 6-character suffix) after `secret:`",
        );
    }
    if let Some(c) = name.chars().find(|c| !secret_char_ok(*c)) {
        return problem(
            format!(
                "references `{value}`, whose secret name contains {}; Secrets Manager names use only letters, digits \
                 and `/_+=.@-`",
                describe_char(c)
            ),
            "not a valid secret name",
            "copy the secret's ARN from Secrets Manager",
        );
    }
    let extra = fields.count();
    if extra > 3 {
        return problem(
            format!(
                "references `{value}`, which has {extra} colon-separated fields after the secret name; ECS reads at \
                 most three: `:json-key:version-stage:version-id`"
            ),
            "too many fields",
            "write `<secret ARN>:<json-key>:<version-stage>:<version-id>`, leaving unused fields empty \
             (e.g. `…:password::`)",
        );
    }
    None
}

impl Rule for InvalidSecretReference {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for reference in secret_references(task) {
            let secret = reference.name.unwrap_or("<name>");
            let Some(found) = check(reference.value_from, secret) else {
                continue;
            };
            let mut report = cx
                .report(self, reference.pointer.as_str())
                .message(format!("{} {}", reference.subject(), found.what))
                .label(found.label)
                .help(found.help);
            if found.secret {
                report = report.secret();
            }
            report.emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-COR-037";

    fn td(value_from: &str) -> String {
        format!(
            r#"{{"family": "web", "executionRoleArn": "arn:aws:iam::123456789012:role/exec",
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256,
                 "secrets": [{{"name": "DB_PASSWORD", "valueFrom": {}}}]}}]}}"#,
            serde_json::to_string(value_from).unwrap()
        )
    }

    #[test]
    fn accepts_every_documented_form() {
        for ok in [
            "db-password",
            "/prod/app/db_password",
            "/aws/reference/secretsmanager/prod/db+admin@x",
            "arn:aws:ssm:eu-west-1:123456789012:parameter/db-password",
            "arn:aws:ssm:eu-west-1:123456789012:parameter/prod/app/db",
            "arn:aws-cn:ssm:cn-north-1:123456789012:parameter/db",
            "arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:db-AbCdEf",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:password::",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf::AWSPREVIOUS:",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:::9d4cb84b-ad69-40c0-a0ab-cead3EXAMPLE",
            // A partial ARN (no 6-character suffix) is accepted at registration.
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db",
            // Other partitions are checked for shape only.
            "arn:aws-iso:ssm:us-iso-east-1:123456789012:parameter/db",
            // Documentation stand-ins for the account and Region.
            "arn:aws:ssm:region:aws_account_id:parameter/parameter_name",
            "arn:aws:ssm:eu-west-1:XXXXXXXXXXXX:parameter/x",
        ] {
            assert_clean(CODE, &td(ok));
        }
    }

    #[test]
    fn opaque_values_are_left_alone() {
        assert_clean(CODE, &td("${DB_SECRET_ARN}"));
        assert_clean(CODE, &td("arn:aws:ssm:{{ region }}:{{ account }}:parameter/db"));
        assert_clean(CODE, &td("arn:aws:ssm:eu-west-1:<account-id>:parameter:/db"));
    }

    #[test]
    fn missing_account_quotes_aws() {
        let messages = assert_fires(CODE, 1, &td("arn:aws:ssm:us-east-1::parameter/db"));
        assert!(messages[0].starts_with("secret `DB_PASSWORD` of container `app` references"), "{}", messages[0]);
        assert!(messages[0].contains("The Systems Manager parameter ARN spec"), "{}", messages[0]);
        assert_fires(CODE, 1, &td("arn:aws:secretsmanager:us-east-1::secret:db-AbCdEf"));
    }

    #[test]
    fn invalid_parameter_names_quote_aws() {
        let messages = assert_fires(CODE, 1, &td("ssm:/prod/db"));
        assert!(
            messages[0].contains(
                "The Systems Manager parameter name specified for secret DB_PASSWORD is invalid. The parameter name can \
                 be up to 2048 characters"
            ),
            "{}",
            messages[0]
        );
        assert!(assert_fires(CODE, 1, &td("/prod/db password"))[0].contains("a space"));
        assert_fires(CODE, 1, &td("arn:aws:ssm:eu-west-1:123456789012:parameter/db password"));
    }

    #[test]
    fn values_that_may_be_secrets_are_masked() {
        for pasted in
            ["wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENGbPxRfiCYEXAMPLEKEY", "hunter2!"]
        {
            let found = findings(CODE, &td(pasted));
            assert_eq!(found.len(), 1, "{pasted}");
            assert!(!found[0].message.contains(pasted), "{}", found[0].message);
            assert!(!found[0].help.as_deref().unwrap_or_default().contains(pasted));
            assert!(found[0].message.contains("redacted"), "{}", found[0].message);
        }
        // A reference with a service prefix is shown.
        assert!(assert_fires(CODE, 1, &td("ssm:/prod/db"))[0].contains("`ssm:/prod/db`"));
    }

    #[test]
    fn hierarchical_names_need_a_leading_slash() {
        let messages = assert_fires(CODE, 1, &td("prod/db-password"));
        assert!(messages[0].contains("must start with `/`"), "{}", messages[0]);
    }

    #[test]
    fn reserved_ssm_prefix() {
        assert_fires(CODE, 1, &td("ssm-db-password"));
        assert_fires(CODE, 1, &td("SSMparam"));
        assert_clean(CODE, &td("/ssm/db-password"));
    }

    #[test]
    fn malformed_arns() {
        for bad in [
            "arn:aws:ssm:eu-west-1:123456789012",
            "arn:aws:ssm:eu-west-1:123456789012:parameterdb",
            "arn:aws:ssm:region:aws_account_id:parameter:/parameter_name",
            "arn:aws:ssm:eu-west-1:123456789012:parameter/",
            "arn:aws:ssm::123456789012:parameter/db",
            "arn:aws:ssm:eu-west:123456789012:parameter/db",
            "arn:aws:ssm:cn-north-1:123456789012:parameter/db",
            "arn:aws-cn:ssm:eu-west-1:123456789012:parameter/db",
            "arn:amazon:ssm:eu-west-1:123456789012:parameter/db",
            "arn:aws:ssm:eu-west-1:11111111111:parameter/db",
            "arn:aws:secretsmanager:eu-west-1:123456789012:db-AbCdEf",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db#1-AbCdEf",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:a:b:c:d",
            "arn:aws:kms:eu-west-1:123456789012:key/1234abcd",
            "arn:aws:s3:::my-bucket/secret.env",
            "arn:aws:ssm:eu-west-1:123456789012:parameter/db ",
            "",
        ] {
            assert_fires(CODE, 1, &td(bad));
        }
        let messages = assert_fires(CODE, 1, &td("arn:aws:ssm:eu-west-1:123456789012:parameterdb"));
        assert!(messages[0].contains("is not `parameter/<name>`"), "{}", messages[0]);
    }

    #[test]
    fn checks_log_secret_options_and_bare_arrays() {
        let messages = assert_fires(
            CODE,
            1,
            r#"[{"name": "app", "image": "nginx", "logConfiguration": {"logDriver": "splunk",
                "secretOptions": [{"name": "splunk-token", "valueFrom": "arn:aws:ssm:eu-west-1::parameter/t"}]}}]"#,
        );
        assert!(messages[0].starts_with("log secret option `splunk-token` of container `app`"), "{}", messages[0]);
    }

    #[test]
    fn odd_json_does_not_panic() {
        for secrets in [r#"null"#, r#"{"a": 1}"#, r#"[1, null, {"valueFrom": 5}, {"name": null, "valueFrom": "x y"}]"#]
        {
            let text = format!(
                r#"{{"family": "w", "containerDefinitions": [{{"name": "a", "image": "i", "secrets": {secrets}}}]}}"#
            );
            let _ = crate::rules::tester::findings(CODE, &text);
        }
        assert_fires(
            CODE,
            1,
            r#"{"family": "w", "containerDefinitions": [{"name": "a", "image": "i", "secrets": [{"valueFrom": "ü"}]}]}"#,
        );
    }
}
