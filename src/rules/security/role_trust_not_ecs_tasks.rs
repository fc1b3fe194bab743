//! Task and execution roles are assumed by ECS through `ecs-tasks.amazonaws.com`; any other
//! principal in the trust policy can take the same rights outside the task.

use crate::context::LintContext;
use crate::declare_rule;
use crate::iam::describe_role;
use crate::iam::policy::{Effect, Tri, principals, statements};
use crate::model::Role;
use crate::rule::{Rule, Severity};

declare_rule! {
    pub struct RoleTrustNotEcsTasks {
        code: "ECS-SEC-033",
        name: "role-trust-not-ecs-tasks",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a task or execution role trusts a principal other than ecs-tasks.amazonaws.com, or not ECS tasks at all",
    }
}

/// The service principal ECS uses for task and execution roles (`.com.cn` in the China Regions).
pub(crate) fn is_ecs_tasks(principal: &str) -> bool {
    matches!(principal, "ecs-tasks.amazonaws.com" | "ecs-tasks.amazonaws.com.cn")
}

/// Does the statement let its principals assume the role (any `sts:AssumeRole*` action)?
pub(crate) fn assumes(statement: &crate::iam::policy::Statement<'_>) -> Tri {
    ["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"]
        .iter()
        .map(|a| statement.covers_action(a))
        .fold(Tri::No, |acc, t| match (acc, t) {
            (Tri::Yes, _) | (_, Tri::Yes) => Tri::Yes,
            (Tri::Maybe, _) | (_, Tri::Maybe) => Tri::Maybe,
            _ => Tri::No,
        })
}

impl Rule for RoleTrustNotEcsTasks {
    fn check_role(&self, role: &Role<'_>, cx: &mut LintContext<'_>) {
        let Some(document) = role.get("assumeRolePolicyDocument") else { return };
        if !crate::iam::policy::document_known(document) {
            return;
        }
        let found = statements(document, "/assumeRolePolicyDocument");
        let mut trusts_ecs = false;
        let mut unsure = false;
        for s in &found {
            let assume = assumes(s);
            if s.effect == Effect::Unknown || assume == Tri::Maybe {
                unsure = true;
            }
            if s.effect != Effect::Allow || assume == Tri::No {
                continue;
            }
            let (list, opaque) = principals(s);
            unsure |= opaque;
            for (kind, text, pointer) in list {
                let Some(text) = text else {
                    unsure = true;
                    continue;
                };
                if kind == "Service" && is_ecs_tasks(text) {
                    trusts_ecs = true;
                    continue;
                }
                let anyone = text == "*" && (kind == "*" || kind == "AWS");
                let (who, severity) = if anyone {
                    let severity = if s.has_condition { Severity::Warning } else { Severity::Error };
                    ("any AWS principal (`*`)".to_string(), severity)
                } else if kind == "Service" {
                    (format!("the service `{text}`"), Severity::Warning)
                } else {
                    (format!("the `{kind}` principal `{text}`"), Severity::Warning)
                };
                cx.report(self, pointer)
                    .severity(severity)
                    .message(format!(
                        "the trust policy of {} lets {who} assume it{}: whoever assumes it gets \
                         everything the task may do",
                        describe_role(role),
                        if s.has_condition { " (under a condition)" } else { "" }
                    ))
                    .label("not ecs-tasks.amazonaws.com")
                    .help(
                        "trust only `{\"Service\": \"ecs-tasks.amazonaws.com\"}`; give other principals a role of \
                         their own",
                    )
                    .emit();
            }
        }
        if !trusts_ecs && !unsure {
            cx.report(self, "/assumeRolePolicyDocument")
                .severity(Severity::Error)
                .on_key()
                .message(format!(
                    "the trust policy of {} does not let `ecs-tasks.amazonaws.com` assume it, so tasks fail to \
                     start: \"ECS was unable to assume the role … that was provided for this task. Please verify \
                     that the role being passed has the proper trust relationship and permissions\"",
                    describe_role(role)
                ))
                .label("no ecs-tasks.amazonaws.com")
                .help(
                    "add a statement `{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \
                     \"ecs-tasks.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}`",
                )
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::Severity;
    use crate::rules::tester::{role_findings, role_messages, role_report};

    const CODE: &str = "ECS-SEC-033";

    fn role(statements: &str) -> String {
        format!(
            r#"{{"roleName": "TaskRole", "usage": {{"taskRoleOf": ["TaskDef"], "executionRoleOf": []}},
               "assumeRolePolicyDocument": {{"Version": "2012-10-17", "Statement": [{statements}]}}}}"#
        )
    }

    const ECS: &str =
        r#"{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}"#;

    #[test]
    fn fires_on_other_principals() {
        let other = r#"{"Effect": "Allow", "Principal": {"Service": ["ecs-tasks.amazonaws.com", "ec2.amazonaws.com"], "AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}"#;
        let found = role_findings(CODE, &role(other));
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|f| f.severity == Severity::Warning));
        assert!(found.iter().any(|f| f.pointer == "/assumeRolePolicyDocument/Statement/0/Principal/Service/1"));
        let anyone = format!(r#"{ECS}, {{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}}"#);
        let found = role_findings(CODE, &role(&anyone));
        assert_eq!((found.len(), found[0].severity), (1, Severity::Error));
    }

    #[test]
    fn fires_when_ecs_tasks_cannot_assume_it() {
        let ecs_service =
            r#"{"Effect": "Allow", "Principal": {"Service": "ecs.amazonaws.com"}, "Action": "sts:AssumeRole"}"#;
        let found = role_findings(CODE, &role(ecs_service));
        assert_eq!(found.len(), 2);
        assert!(found.iter().any(|f| f.severity == Severity::Error && f.message.contains("ECS was unable to assume")));
    }

    #[test]
    fn clean_for_ecs_tasks_only() {
        assert!(role_messages(CODE, &role(ECS)).is_empty());
        let with_condition = r#"{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"}}}"#;
        assert!(role_messages(CODE, &role(with_condition)).is_empty());
        let deny = format!(r#"{ECS}, {{"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole"}}"#);
        assert!(role_messages(CODE, &role(&deny)).is_empty());
    }

    #[test]
    fn silent_for_opaque_values() {
        assert!(
            role_messages(
                CODE,
                &role(r#"{"Effect": "Allow", "Principal": {"Service": "${Service}"}, "Action": "sts:AssumeRole"}"#)
            )
            .is_empty()
        );
        assert!(
            role_messages(CODE, &role(r#"{"Effect": "Allow", "Principal": "${P}", "Action": "sts:AssumeRole"}"#))
                .is_empty()
        );
        assert!(role_messages(CODE, r#"{"assumeRolePolicyDocument": "${Trust}"}"#).is_empty());
        assert!(role_messages(CODE, r#"{"roleName": "R"}"#).is_empty());
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(role_report(
            CODE,
            &role(
                r#"{"Effect": "Allow", "Principal": {"Service": "ecs.amazonaws.com", "AWS": "*"}, "Action": "sts:AssumeRole"}"#
            )
        ));
    }
}
