//! `"Action": "*"` or `"s3:*"` grants every present and future action of a service (or of all).

use crate::context::LintContext;
use crate::declare_rule;
use crate::iam::policy::Effect;
use crate::iam::{describe_policy, describe_role, evaluate::inline_statements};
use crate::model::Role;
use crate::rule::{Rule, Severity};

declare_rule! {
    pub struct IamWildcardAction {
        code: "ECS-SEC-028",
        name: "iam-wildcard-action",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "an inline policy of a task or execution role allows `*` or `service:*` actions",
    }
}

impl Rule for IamWildcardAction {
    fn check_role(&self, role: &Role<'_>, cx: &mut LintContext<'_>) {
        let (statements, _) = inline_statements(role);
        for s in statements.iter().filter(|s| s.effect == Effect::Allow) {
            let Some(action) = &s.action else { continue };
            let policy = describe_policy(role, &s.pointer);
            if action.negated {
                cx.report(self, action.pointer.clone())
                    .on_key()
                    .message(format!(
                        "{policy} of {} allows every action except the ones listed, with `NotAction` in an Allow \
                         {}: it also grants every action AWS adds later",
                        describe_role(role),
                        s.display()
                    ))
                    .label("Allow with NotAction")
                    .help("use `Action` with the actions the task calls")
                    .emit();
                continue;
            }
            for (pointer, pattern) in action.known() {
                let service = pattern.strip_suffix(":*").filter(|svc| !svc.contains(['*', '?']) && !svc.is_empty());
                let (what, severity) = match (pattern, service) {
                    ("*", _) => ("every action of every AWS service".to_string(), Severity::Error),
                    (_, Some(svc)) => (format!("every `{svc}` action"), Severity::Warning),
                    _ => continue,
                };
                cx.report(self, pointer)
                    .severity(severity)
                    .message(format!(
                        "{policy} of {} allows {what} (`\"Action\": \"{pattern}\"` in {}), including actions AWS \
                         adds later",
                        describe_role(role),
                        s.display()
                    ))
                    .label("wildcard action")
                    .help("list only the actions the task calls, for example `s3:GetObject` and `s3:PutObject`")
                    .emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::Severity;
    use crate::rules::tester::{role_findings, role_messages, role_report};

    const CODE: &str = "ECS-SEC-028";

    fn role(statement: &str) -> String {
        format!(
            r#"{{"roleName": "TaskRole", "usage": {{"taskRoleOf": ["TaskDef"], "executionRoleOf": []}},
               "policies": [{{"policyName": "app", "policyDocument": {{"Statement": [{statement}]}}}}]}}"#
        )
    }

    #[test]
    fn fires_on_star_and_service_wildcards() {
        let found = role_findings(CODE, &role(r#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(found[0].pointer, "/policies/0/policyDocument/Statement/0/Action");
        assert!(found[0].message.contains("role `TaskRole` (task role of `TaskDef`)"), "{}", found[0].message);
        let found = role_findings(
            CODE,
            &role(r#"{"Effect": "Allow", "Action": ["s3:GetObject", "dynamodb:*"], "Resource": "*"}"#),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].pointer, "/policies/0/policyDocument/Statement/0/Action/1");
        assert_eq!(
            role_messages(CODE, &role(r#"{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}"#)).len(),
            1
        );
    }

    #[test]
    fn clean_for_named_actions_partial_wildcards_and_denies() {
        for statement in [
            r#"{"Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*"], "Resource": "*"}"#,
            r#"{"Effect": "Deny", "Action": "*", "Resource": "*"}"#,
            r#"{"Effect": "Deny", "NotAction": "s3:GetObject", "Resource": "*"}"#,
        ] {
            assert!(role_messages(CODE, &role(statement)).is_empty(), "{statement}");
        }
    }

    #[test]
    fn silent_for_opaque_values() {
        assert!(
            role_messages(CODE, &role(r#"{"Effect": "Allow", "Action": "${Actions}", "Resource": "*"}"#)).is_empty()
        );
        assert!(role_messages(CODE, &role(r#"{"Effect": "${Effect}", "Action": "*", "Resource": "*"}"#)).is_empty());
        assert!(role_messages(CODE, r#"{"policies": [{"policyDocument": "${Doc}"}]}"#).is_empty());
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(role_report(
            CODE,
            &role(r#"{"Sid": "All", "Effect": "Allow", "Action": ["*", "sqs:*"], "Resource": "*"}"#)
        ));
    }
}
