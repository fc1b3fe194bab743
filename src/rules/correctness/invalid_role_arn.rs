//! `taskRoleArn` and `executionRoleArn` must name an IAM role; any other ARN makes AWS reject the registration with "Role is not valid".

use crate::context::LintContext;
use crate::data::arn::{self, Arn};
use crate::declare_rule;
use crate::model::{Shape, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidRoleArn {
        code: "ECS-COR-039",
        name: "invalid-role-arn",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a task or execution role that is not an IAM role ARN",
    }
}

/// The two role fields, in the order messages list them.
pub(crate) const ROLE_FIELDS: [&str; 2] = ["executionRoleArn", "taskRoleArn"];

/// The account ID of a well-formed IAM role ARN (`None` for role names, placeholders, stand-ins).
pub(crate) fn role_account(value: &str) -> Option<&str> {
    let parts = arn::parse(value)?;
    (parts.service == "iam" && parts.resource.starts_with("role/") && arn::is_account_id(parts.account))
        .then_some(parts.account)
}

/// IAM role names: letters, digits and `+=,.@_-`, at most 64 characters.
fn role_name_ok(name: &str) -> bool {
    !name.is_empty()
        && name.chars().count() <= 64
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '=' | ',' | '.' | '@' | '_' | '-'))
}

struct Problem {
    what: String,
    label: &'static str,
    help: String,
}

const FORM: &str = "arn:<partition>:iam::<account-id>:role/<name>";

fn check(value: &str) -> Option<Problem> {
    if value.is_empty() {
        // Tools write "" for "no role"; whether AWS treats it as absent is not documented.
        return None;
    }
    let Some(parts) = arn::parse(value) else {
        if value.starts_with("arn:") {
            return Some(Problem {
                what: format!("`{value}` is not a complete ARN"),
                label: "incomplete ARN",
                help: format!("write the role's ARN, `{FORM}`"),
            });
        }
        // RegisterTaskDefinition accepts "the short name or full ARN" of the role.
        if role_name_ok(value) {
            return None;
        }
        return Some(Problem {
            what: format!("`{value}` is neither an IAM role ARN nor a valid role name"),
            label: "not a role ARN or name",
            help: format!(
                "write the role's ARN, `{FORM}`, or its name (letters, digits and `+=,.@_-`, at most 64 characters)"
            ),
        });
    };
    check_arn(value, &parts)
}

fn check_arn(value: &str, parts: &Arn<'_>) -> Option<Problem> {
    if let Some(c) = value.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Some(Problem {
            what: format!("`{value}` contains whitespace (U+{:04X})", c as u32),
            label: "ARN with whitespace",
            help: "remove the whitespace".to_string(),
        });
    }
    if !arn::is_partition(parts.partition) {
        return Some(Problem {
            what: format!("`{value}` has the partition `{}`, which is not an AWS partition", parts.partition),
            label: "not an AWS partition",
            help: "use `aws`, `aws-cn` or `aws-us-gov`".to_string(),
        });
    }
    if parts.service == "sts" && parts.resource.starts_with("assumed-role/") {
        let role = parts.resource.trim_start_matches("assumed-role/").split('/').next().unwrap_or_default();
        return Some(Problem {
            what: format!("`{value}` is an STS assumed-role session, not the IAM role itself"),
            label: "a role session, not a role",
            help: format!("use the role's ARN, `arn:{}:iam::{}:role/{role}`", parts.partition, parts.account),
        });
    }
    if parts.service != "iam" {
        let what = match parts.service {
            "cloudformation" => "a CloudFormation stack ARN".to_string(),
            other => format!("an ARN of `{other}`"),
        };
        return Some(Problem {
            what: format!("`{value}` is {what}, not an IAM role ARN"),
            label: "not an IAM role",
            help: format!("use the ARN of the IAM role, `{FORM}` (a stack output or the role's summary page shows it)"),
        });
    }
    let Some(path_and_name) = parts.resource.strip_prefix("role/") else {
        let kind = parts.resource.split(['/', ':']).next().unwrap_or_default();
        return Some(Problem {
            what: format!("`{value}` is an IAM `{kind}` ARN, not a role ARN"),
            label: "not an IAM role",
            help: format!("use the ARN of an IAM role, `{FORM}`"),
        });
    };
    if !parts.region.is_empty() {
        return Some(Problem {
            what: format!("`{value}` has the Region `{}`, but IAM ARNs have no Region", parts.region),
            label: "IAM ARNs have no Region",
            help: format!("remove the Region: `arn:{}:iam::{}:{}`", parts.partition, parts.account, parts.resource),
        });
    }
    if parts.account.is_empty() {
        return Some(Problem {
            what: format!("`{value}` has no account ID"),
            label: "no account ID",
            help: format!("add the 12-digit account ID that owns the role: `{FORM}`"),
        });
    }
    if !arn::is_stand_in(parts.account) && !arn::is_account_id(parts.account) {
        return Some(Problem {
            what: format!("`{value}` has the account ID `{}`, which is not 12 digits", parts.account),
            label: "not a 12-digit account ID",
            help: "write the account ID that owns the role as its 12 digits".to_string(),
        });
    }
    let name = path_and_name.rsplit('/').next().unwrap_or_default();
    if !role_name_ok(name) {
        return Some(Problem {
            what: format!("`{value}` does not end in a valid role name"),
            label: "not a valid role name",
            help: "end the ARN with the role's name (letters, digits and `+=,.@_-`, at most 64 characters)".to_string(),
        });
    }
    None
}

impl Rule for InvalidRoleArn {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if task.shape() == Shape::ContainerArray {
            return;
        }
        for field in ROLE_FIELDS {
            let Some(value) = task.str(field) else {
                continue;
            };
            let Some(found) = check(value) else {
                continue;
            };
            cx.report(self, format!("/{field}"))
                .message(format!("`{field}` {}; AWS rejects it: Role is not valid", found.what))
                .label(found.label)
                .help(found.help)
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::role_account;
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-039";

    fn td(task_role: &str) -> String {
        format!(
            r#"{{"family": "web", "taskRoleArn": {},
               "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256}}]}}"#,
            serde_json::to_string(task_role).unwrap()
        )
    }

    #[test]
    fn accepts_role_arns_and_names() {
        for ok in [
            "arn:aws:iam::123456789012:role/app",
            "arn:aws:iam::123456789012:role/service-role/app.task+x=y,z@w_v-u",
            "arn:aws-cn:iam::123456789012:role/app",
            "arn:aws-us-gov:iam::123456789012:role/app",
            "arn:aws-iso-b:iam::123456789012:role/app",
            // "The short name or full Amazon Resource Name (ARN) of the IAM role".
            "ecsTaskRole",
            "",
            // Documentation stand-ins.
            "arn:aws:iam::XXXXXXXXXXXX:role/app",
            "arn:aws:iam::aws_account_id:role/app",
        ] {
            assert_clean(CODE, &td(ok));
        }
    }

    #[test]
    fn opaque_values_are_left_alone() {
        assert_clean(CODE, &td("${TASK_ROLE_ARN}"));
        assert_clean(CODE, &td("arn:aws:iam::{{ account }}:role/app"));
        assert_clean(CODE, &td("arn:aws:iam::<account-id>:policy/app"));
    }

    #[test]
    fn a_stack_arn_quotes_aws() {
        let messages = assert_fires(
            CODE,
            1,
            &td("arn:aws:cloudformation:us-east-1:123456789012:stack/MythicalMysfitsCoreStack/1a2b3c4d-5e6f"),
        );
        assert_eq!(
            messages[0],
            "`taskRoleArn` `arn:aws:cloudformation:us-east-1:123456789012:stack/MythicalMysfitsCoreStack/1a2b3c4d-5e6f` \
             is a CloudFormation stack ARN, not an IAM role ARN; AWS rejects it: Role is not valid"
        );
    }

    #[test]
    fn other_wrong_arns() {
        for bad in [
            "arn:aws:iam::123456789012:policy/app",
            "arn:aws:iam::123456789012:instance-profile/app",
            "arn:aws:iam::123456789012:user/app",
            "arn:aws:sts::123456789012:assumed-role/app/session",
            "arn:aws:iam:us-east-1:123456789012:role/app",
            "arn:aws:iam:::role/app",
            "arn:aws:iam::11111111111:role/app",
            "arn:aws:iam::123456789012:role/",
            "arn:aws:iam::123456789012:role/app ",
            "arn:aws:iam::123456789012",
            "arn:amazon:iam::123456789012:role/app",
            "TASK ROLE",
            "{INSERT your task role}",
        ] {
            assert_fires(CODE, 1, &td(bad));
        }
        let messages = assert_fires(CODE, 1, &td("arn:aws:sts::123456789012:assumed-role/app/session"));
        assert!(messages[0].contains("assumed-role session"), "{}", messages[0]);
    }

    #[test]
    fn checks_both_fields() {
        let text = r#"{"family": "w", "taskRoleArn": "arn:aws:iam::123456789012:policy/a",
            "executionRoleArn": "arn:aws:iam::123456789012:user/b",
            "containerDefinitions": [{"name": "a", "image": "i", "memory": 64}]}"#;
        let messages = assert_fires(CODE, 2, text);
        assert!(messages.iter().any(|m| m.starts_with("`executionRoleArn`")));
        assert!(messages.iter().any(|m| m.starts_with("`taskRoleArn`")));
    }

    #[test]
    fn wrong_types_and_arrays_are_ignored() {
        assert_clean(
            CODE,
            r#"{"family": "w", "taskRoleArn": 5, "containerDefinitions": [{"name": "a", "image": "i"}]}"#,
        );
        assert_clean(CODE, r#"[{"name": "a", "image": "i", "taskRoleArn": "bad arn"}]"#);
    }

    #[test]
    fn role_account_reads_only_role_arns() {
        assert_eq!(role_account("arn:aws:iam::123456789012:role/a"), Some("123456789012"));
        assert_eq!(role_account("arn:aws:iam::XXXXXXXXXXXX:role/a"), None);
        assert_eq!(role_account("ecsTaskRole"), None);
    }
}
