//! `iam:PassRole` on any role lets the task hand any role of the account, an admin role included,
//! to a service it can drive: privilege escalation.

use crate::context::LintContext;
use crate::declare_rule;
use crate::iam::policy::{Effect, Tri, action_match};
use crate::iam::{describe_policy, describe_role, evaluate::inline_statements};
use crate::model::Role;
use crate::rule::Rule;

declare_rule! {
    pub struct IamPassroleAnyResource {
        code: "ECS-SEC-030",
        name: "iam-passrole-any-resource",
        category: Security,
        severity: Error,
        since: "0.1.0",
        summary: "a task or execution role may pass any IAM role (`iam:PassRole` on `*`)",
    }
}

impl Rule for IamPassroleAnyResource {
    fn check_role(&self, role: &Role<'_>, cx: &mut LintContext<'_>) {
        let (statements, _) = inline_statements(role);
        // `iam:PassedToService` and similar conditions narrow it: stay silent on conditional grants.
        for s in statements.iter().filter(|s| s.effect == Effect::Allow && !s.has_condition) {
            let (Some(action), Some(any)) = (&s.action, s.any_resource()) else { continue };
            if s.covers_action("iam:PassRole") != Tri::Yes {
                continue;
            }
            let how = if action.negated {
                "`NotAction` that does not exclude it".to_string()
            } else {
                let pattern = action.known().map(|(_, p)| p).find(|p| action_match(p, "iam:PassRole") == Tri::Yes);
                match pattern {
                    Some(p) if p.eq_ignore_ascii_case("iam:PassRole") => "`iam:PassRole`".to_string(),
                    Some(p) => format!("`{p}`, which covers `iam:PassRole`"),
                    None => continue,
                }
            };
            cx.report(self, any)
                .message(format!(
                    "{} of {} allows {how} on every role (`\"Resource\": \"*\"` in {}): code in the task can pass \
                     any role of the account, an administrator role included, to a service it can start (a task, \
                     a Lambda function, an instance) and act with that role's rights",
                    describe_policy(role, &s.pointer),
                    describe_role(role),
                    s.display()
                ))
                .label("any role")
                .related(action.pointer.clone(), "iam:PassRole")
                .help(
                    "name the roles the task may pass (`arn:aws:iam::<account-id>:role/<name>`) and add an \
                     `iam:PassedToService` condition",
                )
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{role_findings, role_messages, role_report};

    const CODE: &str = "ECS-SEC-030";

    fn role(statement: &str) -> String {
        format!(
            r#"{{"roleName": "TaskRole", "usage": {{"taskRoleOf": ["TaskDef"], "executionRoleOf": []}},
               "policies": [{{"policyName": "app", "policyDocument": {{"Statement": [{statement}]}}}}]}}"#
        )
    }

    #[test]
    fn fires_on_passrole_or_a_wildcard_covering_it() {
        for statement in [
            r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}"#,
            r#"{"Effect": "Allow", "Action": ["s3:GetObject", "iam:Pass*"], "Resource": "*"}"#,
            r#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#,
            r#"{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}"#,
        ] {
            assert_eq!(role_messages(CODE, &role(statement)).len(), 1, "{statement}");
        }
        let found = role_findings(CODE, &role(r#"{"Effect": "Allow", "Action": "iam:*", "Resource": ["*"]}"#));
        assert_eq!(found[0].pointer, "/policies/0/policyDocument/Statement/0/Resource/0");
        assert!(found[0].message.contains("`iam:*`, which covers `iam:PassRole`"), "{}", found[0].message);
    }

    #[test]
    fn clean_for_named_roles_conditions_and_other_actions() {
        for statement in [
            r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/worker"}"#,
            r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}"#,
            r#"{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "*"}"#,
            r#"{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}"#,
            r#"{"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*"}"#,
        ] {
            assert!(role_messages(CODE, &role(statement)).is_empty(), "{statement}");
        }
    }

    #[test]
    fn silent_for_opaque_values() {
        assert!(role_messages(CODE, &role(r#"{"Effect": "Allow", "Action": "${A}", "Resource": "*"}"#)).is_empty());
        assert!(
            role_messages(CODE, &role(r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "${R}"}"#))
                .is_empty()
        );
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(role_report(
            CODE,
            &role(
                r#"{"Sid": "PassAny", "Effect": "Allow", "Action": ["ecs:RunTask", "iam:PassRole"], "Resource": "*"}"#
            )
        ));
    }
}
