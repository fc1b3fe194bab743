//! ECS cannot read an SSM parameter from another account, and secrets spread over several Regions usually mean a copy-paste slip.

use super::invalid_role_arn::{ROLE_FIELDS, role_account};
use super::invalid_secret_reference::{SecretReference, secret_references};
use crate::context::LintContext;
use crate::data::arn;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::{Rule, Severity};

declare_rule! {
    pub struct SecretAccountOrRegionMismatch {
        code: "ECS-COR-038",
        name: "secret-account-or-region-mismatch",
        category: Correctness,
        severity: Warning,
        since: "0.1.0",
        summary: "a secret in another account or Region than the task definition's roles",
    }
}

/// A secret reference that is a well-formed SSM or Secrets Manager ARN.
struct ArnReference<'a> {
    reference: SecretReference<'a>,
    ssm: bool,
    /// A Region name, unless the ARN holds a stand-in.
    region: Option<&'a str>,
    /// A 12-digit account ID, unless the ARN holds a stand-in.
    account: Option<&'a str>,
}

fn arn_references<'a>(task: &TaskDefinition<'a>) -> Vec<ArnReference<'a>> {
    secret_references(task)
        .into_iter()
        .filter_map(|reference| {
            let parts = arn::parse(reference.value_from)?;
            let ssm = match parts.service {
                "ssm" => true,
                "secretsmanager" => false,
                _ => return None,
            };
            let region = Some(parts.region).filter(|r| arn::is_region_shaped(r));
            let account = Some(parts.account).filter(|a| arn::is_account_id(a));
            Some(ArnReference { reference, ssm, region, account })
        })
        .collect()
}

/// The account the task definition's roles are in: the execution role's (it fetches the
/// secrets), else the task role's.
fn task_account<'a>(task: &TaskDefinition<'a>) -> Option<(&'static str, &'a str)> {
    ROLE_FIELDS.into_iter().find_map(|field| Some((field, role_account(task.str(field)?)?)))
}

impl Rule for SecretAccountOrRegionMismatch {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let references = arn_references(task);
        if let Some((field, account)) = task_account(task) {
            for found in references.iter().filter(|r| r.ssm) {
                let Some(other) = found.account.filter(|a| *a != account) else {
                    continue;
                };
                cx.report(self, found.reference.pointer.as_str())
                    .message(format!(
                        "{} references an SSM parameter in account {other}, but `{field}` is in account {account}; \
                         AWS rejects it: The Systems Manager parameter ARN has a different account ID than the \
                         current account. ... Cross-account access for ARNs is not currently supported.",
                        found.reference.subject()
                    ))
                    .label(format!("parameter in account {other}"))
                    .related(format!("/{field}"), format!("role in account {account}"))
                    .help(format!(
                        "create the parameter in account {account}, or store the value in Secrets Manager, which \
                         allows cross-account access through a resource policy"
                    ))
                    .emit();
            }
        }
        regions(self, &references, cx);
    }
}

/// One finding when the secret ARNs name more than one Region.
fn regions(rule: &SecretAccountOrRegionMismatch, references: &[ArnReference<'_>], cx: &mut LintContext<'_>) {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for region in references.iter().filter_map(|r| r.region) {
        match counts.iter_mut().find(|(r, _)| *r == region) {
            Some((_, n)) => *n += 1,
            None => counts.push((region, 1)),
        }
    }
    if counts.len() < 2 {
        return;
    }
    // The most used Region (the first seen on a tie) is taken as the intended one.
    let Some(&(main, _)) = counts.iter().rev().max_by_key(|(_, n)| *n) else {
        return;
    };
    let (Some(odd), Some(first_main)) = (
        references.iter().find(|r| r.region.is_some_and(|region| region != main)),
        references.iter().find(|r| r.region == Some(main)),
    ) else {
        return;
    };
    let odd_region = odd.region.unwrap_or_default();
    let listed: Vec<String> =
        counts.iter().map(|(region, n)| format!("{region} ({n} secret{})", if *n == 1 { "" } else { "s" })).collect();
    cx.report(rule, odd.reference.pointer.as_str())
        .severity(Severity::Info)
        .message(format!(
            "the secrets of this task definition come from {} Regions: {}; {} is read from {odd_region}",
            counts.len(),
            listed.join(", "),
            odd.reference.subject()
        ))
        .label(format!("from {odd_region}"))
        .related(first_main.reference.pointer.as_str(), format!("most secrets come from {main}"))
        .help(format!(
            "check that this secret is meant to come from {odd_region}; if the task runs in {main}, reference the \
             copy in {main}"
        ))
        .emit();
}

#[cfg(test)]
mod tests {
    use crate::rule::Severity;
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-COR-038";

    fn td(roles: &str, secrets: &[&str]) -> String {
        let secrets: Vec<String> =
            secrets.iter().enumerate().map(|(i, v)| format!(r#"{{"name": "S{i}", "valueFrom": "{v}"}}"#)).collect();
        format!(
            r#"{{"family": "web", {roles}
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256,
                 "secrets": [{}]}}]}}"#,
            secrets.join(", ")
        )
    }

    const EXEC: &str = r#""executionRoleArn": "arn:aws:iam::111111111111:role/exec","#;

    #[test]
    fn ssm_parameter_in_another_account_quotes_aws() {
        let messages = assert_fires(CODE, 1, &td(EXEC, &["arn:aws:ssm:eu-west-1:222222222222:parameter/db"]));
        assert_eq!(
            messages[0],
            "secret `S0` of container `app` references an SSM parameter in account 222222222222, but \
             `executionRoleArn` is in account 111111111111; AWS rejects it: The Systems Manager parameter ARN has a \
             different account ID than the current account. ... Cross-account access for ARNs is not currently \
             supported."
        );
    }

    #[test]
    fn same_account_secrets_manager_and_names_are_fine() {
        assert_clean(
            CODE,
            &td(
                EXEC,
                &[
                    "arn:aws:ssm:eu-west-1:111111111111:parameter/db",
                    // Secrets Manager supports cross-account access.
                    "arn:aws:secretsmanager:eu-west-1:222222222222:secret:db-AbCdEf",
                    "/prod/db",
                ],
            ),
        );
    }

    #[test]
    fn falls_back_to_the_task_role_and_ignores_unknown_accounts() {
        let task_role = r#""taskRoleArn": "arn:aws:iam::111111111111:role/task","#;
        assert_fires(CODE, 1, &td(task_role, &["arn:aws:ssm:eu-west-1:222222222222:parameter/db"]));
        // No role, a role name, a placeholder or a stand-in: the account is unknown.
        for roles in [
            "",
            r#""executionRoleArn": "ecsTaskExecutionRole","#,
            r#""executionRoleArn": "arn:aws:iam::${ACCOUNT}:role/exec","#,
            r#""executionRoleArn": "arn:aws:iam::XXXXXXXXXXXX:role/exec","#,
        ] {
            assert_clean(CODE, &td(roles, &["arn:aws:ssm:eu-west-1:222222222222:parameter/db"]));
        }
        assert_clean(CODE, &td(EXEC, &["arn:aws:ssm:eu-west-1:${OTHER}:parameter/db"]));
    }

    #[test]
    fn several_regions_are_reported_once_as_info() {
        let text = td(
            EXEC,
            &[
                "arn:aws:ssm:eu-west-1:111111111111:parameter/a",
                "arn:aws:secretsmanager:us-east-1:111111111111:secret:b-AbCdEf",
                "arn:aws:ssm:eu-west-1:111111111111:parameter/c",
            ],
        );
        let found = findings(CODE, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
        assert_eq!(
            found[0].message,
            "the secrets of this task definition come from 2 Regions: eu-west-1 (2 secrets), us-east-1 (1 secret); \
             secret `S1` of container `app` is read from us-east-1"
        );
        assert_clean(
            CODE,
            &td(EXEC, &["arn:aws:ssm:eu-west-1:111111111111:parameter/a", "arn:aws:ssm:region:acct:parameter/b"]),
        );
    }

    #[test]
    fn bare_arrays_check_regions_only() {
        let text = r#"[{"name": "a", "image": "i", "secrets": [
            {"name": "A", "valueFrom": "arn:aws:ssm:eu-west-1:222222222222:parameter/a"},
            {"name": "B", "valueFrom": "arn:aws:ssm:eu-central-1:222222222222:parameter/b"}]}]"#;
        let messages = assert_fires(CODE, 1, text);
        assert!(messages[0].contains("secret `B` of container `a` is read from eu-central-1"), "{}", messages[0]);
    }
}
