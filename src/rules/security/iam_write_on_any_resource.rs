//! Write access on `"Resource": "*"` reaches every resource of that type in the account, not the
//! few the task works on.

use crate::context::LintContext;
use crate::declare_rule;
use crate::iam::actions::mutations_granted;
use crate::iam::policy::Effect;
use crate::iam::{describe_policy, describe_role, evaluate::inline_statements};
use crate::model::Role;
use crate::rule::Rule;

declare_rule! {
    pub struct IamWriteOnAnyResource {
        code: "ECS-SEC-029",
        name: "iam-write-on-any-resource",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "an inline policy of a task or execution role allows write actions on `\"Resource\": \"*\"`",
    }
}

/// How many actions a message names before "and N more".
const SHOWN: usize = 6;

impl Rule for IamWriteOnAnyResource {
    fn check_role(&self, role: &Role<'_>, cx: &mut LintContext<'_>) {
        let (statements, _) = inline_statements(role);
        // A condition (a resource tag, a VPC endpoint) may narrow "*": stay silent.
        for s in statements.iter().filter(|s| s.effect == Effect::Allow && !s.has_condition) {
            let (Some(action), Some(any)) = (&s.action, s.any_resource()) else { continue };
            if action.negated {
                continue;
            }
            let mut granted: Vec<String> = Vec::new();
            for (_, pattern) in action.known() {
                // `*` and `service:*` are ECS-SEC-028's.
                if pattern == "*" || pattern.strip_suffix(":*").is_some_and(|svc| !svc.contains(['*', '?'])) {
                    continue;
                }
                for a in mutations_granted(pattern) {
                    if !granted.iter().any(|g| g.eq_ignore_ascii_case(&a)) {
                        granted.push(a);
                    }
                }
            }
            if granted.is_empty() {
                continue;
            }
            let mut named: Vec<String> = granted.iter().take(SHOWN).map(|a| format!("`{a}`")).collect();
            if granted.len() > SHOWN {
                named.push(format!("{} more", granted.len() - SHOWN));
            }
            cx.report(self, any)
                .message(format!(
                    "{} of {} allows {} on every resource (`\"Resource\": \"*\"` in {}): the task can change any \
                     resource of those types in the account",
                    describe_policy(role, &s.pointer),
                    describe_role(role),
                    named.join(", "),
                    s.display()
                ))
                .label("any resource")
                .related(action.pointer.clone(), "write actions")
                .help(
                    "name the resources the task writes to, for example `arn:aws:s3:::my-bucket/uploads/*` or the \
                     table's ARN",
                )
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{role_findings, role_messages, role_report};

    const CODE: &str = "ECS-SEC-029";

    fn role(statement: &str) -> String {
        format!(
            r#"{{"roleName": "TaskRole", "usage": {{"taskRoleOf": ["TaskDef"], "executionRoleOf": []}},
               "policies": [{{"policyName": "app", "policyDocument": {{"Statement": [{statement}]}}}}]}}"#
        )
    }

    #[test]
    fn fires_on_write_actions_on_any_resource() {
        let found = role_findings(
            CODE,
            &role(
                r#"{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "dynamodb:*Item"], "Resource": ["arn:aws:s3:::b/*", "*"]}"#,
            ),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/policies/0/policyDocument/Statement/0/Resource/1");
        let m = &found[0].message;
        assert!(m.contains("`s3:PutObject`") && m.contains("`dynamodb:PutItem`") && !m.contains("GetObject"), "{m}");
        let m = role_messages(CODE, &role(r#"{"Effect": "Allow", "Action": "iam:PutRolePolicy", "Resource": "*"}"#));
        assert_eq!(m.len(), 1);
    }

    #[test]
    fn clean_for_reads_scoped_resources_and_star_only_actions() {
        for statement in [
            r#"{"Effect": "Allow", "Action": ["s3:GetObject", "dynamodb:Query"], "Resource": "*"}"#,
            r#"{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}"#,
            r#"{"Effect": "Allow", "Action": ["cloudwatch:PutMetricData", "xray:PutTraceSegments", "ssmmessages:CreateControlChannel"], "Resource": "*"}"#,
            r#"{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}"#,
            r#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}"#,
            r#"{"Effect": "Deny", "Action": "s3:PutObject", "Resource": "*"}"#,
            r#"{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceAccount": "123456789012"}}}"#,
        ] {
            assert!(role_messages(CODE, &role(statement)).is_empty(), "{statement}");
        }
    }

    #[test]
    fn silent_for_opaque_values() {
        assert!(
            role_messages(CODE, &role(r#"{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "${Arn}"}"#))
                .is_empty()
        );
        assert!(
            role_messages(CODE, &role(r#"{"Effect": "Allow", "Action": "${Action}", "Resource": "*"}"#)).is_empty()
        );
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(role_report(
            CODE,
            &role(
                r#"{"Effect": "Allow", "Action": ["sqs:SendMessage", "sqs:DeleteMessage", "s3:Put*"], "Resource": "*"}"#
            )
        ));
    }
}
