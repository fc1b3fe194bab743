//! Without `aws:SourceAccount`/`aws:SourceArn`, ECS acting for another account could be made to
//! use the role (the confused deputy problem).

use super::role_trust_not_ecs_tasks::{assumes, is_ecs_tasks};
use crate::context::LintContext;
use crate::declare_rule;
use crate::iam::describe_role;
use crate::iam::policy::{Effect, Tri, principals, statements};
use crate::iam::usage::Usage;
use crate::model::{Role, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct RoleTrustWithoutSourceConditions {
        code: "ECS-SEC-034",
        name: "role-trust-without-source-conditions",
        category: Security,
        severity: Info,
        since: "0.1.0",
        summary: "a task role trusts ecs-tasks.amazonaws.com without an aws:SourceAccount or aws:SourceArn condition",
    }
}

/// Does a `Condition` block test `aws:SourceAccount` or `aws:SourceArn` (under any operator)?
/// `None` when it cannot be read.
fn has_source_condition(condition: Option<&Value>) -> Option<bool> {
    match condition {
        None | Some(Value::Null) => Some(false),
        Some(Value::Object(operators)) => {
            let mut found = false;
            for keys in operators.values() {
                let keys = keys.as_object()?;
                found |= keys
                    .keys()
                    .any(|k| k.eq_ignore_ascii_case("aws:SourceAccount") || k.eq_ignore_ascii_case("aws:SourceArn"));
            }
            Some(found)
        }
        Some(_) => None,
    }
}

impl Rule for RoleTrustWithoutSourceConditions {
    fn check_role(&self, role: &Role<'_>, cx: &mut LintContext<'_>) {
        // The ECS guide recommends the conditions for task roles; execution roles are left alone.
        if Usage::of(role).task_role_of().is_empty() {
            return;
        }
        let Some(document) = role.get("assumeRolePolicyDocument") else { return };
        for s in statements(document, "/assumeRolePolicyDocument") {
            if s.effect != Effect::Allow || assumes(&s) != Tri::Yes {
                continue;
            }
            let (list, _) = principals(&s);
            let Some((_, _, pointer)) =
                list.iter().find(|(kind, text, _)| *kind == "Service" && text.is_some_and(is_ecs_tasks))
            else {
                continue;
            };
            if has_source_condition(s.value.get("Condition")) != Some(false) {
                continue;
            }
            cx.report(self, pointer.clone())
                .message(format!(
                    "the trust policy of {} lets `ecs-tasks.amazonaws.com` assume it without an `aws:SourceAccount` \
                     or `aws:SourceArn` condition; the ECS guide recommends them against the confused deputy problem",
                    describe_role(role)
                ))
                .label("no source condition")
                .related(join(&s.pointer, "Action"), "sts:AssumeRole")
                .help(
                    "add `\"Condition\": {\"ArnLike\": {\"aws:SourceArn\": \"arn:aws:ecs:<region>:<account-id>:*\"}, \
                     \"StringEquals\": {\"aws:SourceAccount\": \"<account-id>\"}}`",
                )
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{role_findings, role_messages, role_report};

    const CODE: &str = "ECS-SEC-034";

    fn role(statement: &str, task_role_of: &str) -> String {
        format!(
            r#"{{"roleName": "TaskRole", "usage": {{"taskRoleOf": [{task_role_of}], "executionRoleOf": ["TaskDef"]}},
               "assumeRolePolicyDocument": {{"Version": "2012-10-17", "Statement": [{statement}]}}}}"#
        )
    }

    const PLAIN: &str =
        r#"{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}"#;

    #[test]
    fn fires_without_source_conditions() {
        let found = role_findings(CODE, &role(PLAIN, r#""TaskDef""#));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/assumeRolePolicyDocument/Statement/0/Principal/Service");
        let other = r#"{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}"#;
        assert_eq!(role_messages(CODE, &role(other, r#""TaskDef""#)).len(), 1);
    }

    #[test]
    fn clean_with_either_condition_or_for_execution_roles() {
        for condition in [
            r#"{"StringEquals": {"aws:SourceAccount": "123456789012"}}"#,
            r#"{"ArnLike": {"aws:sourcearn": "arn:aws:ecs:eu-west-1:123456789012:*"}}"#,
        ] {
            let statement = PLAIN.replace(
                r#""Action": "sts:AssumeRole""#,
                &format!(r#""Action": "sts:AssumeRole", "Condition": {condition}"#),
            );
            assert!(role_messages(CODE, &role(&statement, r#""TaskDef""#)).is_empty(), "{statement}");
        }
        assert!(role_messages(CODE, &role(PLAIN, "")).is_empty());
    }

    #[test]
    fn silent_for_opaque_values() {
        let opaque =
            PLAIN.replace(r#""Action": "sts:AssumeRole""#, r#""Action": "sts:AssumeRole", "Condition": "${Cond}""#);
        assert!(role_messages(CODE, &role(&opaque, r#""TaskDef""#)).is_empty());
        let service = PLAIN.replace("ecs-tasks.amazonaws.com", "${Principal}");
        assert!(role_messages(CODE, &role(&service, r#""TaskDef""#)).is_empty());
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(role_report(CODE, &role(PLAIN, r#""TaskDef""#)));
    }
}
