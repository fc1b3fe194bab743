//! An admin or full-access AWS managed policy gives the task far more than it calls.

use crate::context::LintContext;
use crate::declare_rule;
use crate::iam::describe_role;
use crate::iam::managed::{Breadth, lookup};
use crate::model::known::known_str;
use crate::model::{Role, join};
use crate::rule::{Rule, Severity};

declare_rule! {
    pub struct IamAdminManagedPolicy {
        code: "ECS-SEC-031",
        name: "iam-admin-managed-policy",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "an administrator or full-access AWS managed policy is attached to a task or execution role",
    }
}

impl Rule for IamAdminManagedPolicy {
    fn check_role(&self, role: &Role<'_>, cx: &mut LintContext<'_>) {
        for (i, arn) in role.array("managedPolicyArns").iter().enumerate() {
            let Some(policy) = known_str(Some(arn)).and_then(lookup) else { continue };
            let severity = match policy.breadth {
                Breadth::Admin => Severity::Error,
                Breadth::NearAdmin => Severity::Warning,
                Breadth::Narrow => continue,
            };
            cx.report(self, join("/managedPolicyArns", i))
                .severity(severity)
                .message(format!(
                    "{} has the AWS managed policy `{}` attached, which allows {}: anyone who gets code running in \
                     the task gets all of it",
                    describe_role(role),
                    policy.name(),
                    policy.grants
                ))
                .label(format!("{} attached", policy.name()))
                .help("replace it with an inline or customer managed policy naming the actions and resources the task uses")
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::Severity;
    use crate::rules::tester::{role_findings, role_messages, role_report};

    const CODE: &str = "ECS-SEC-031";

    fn role(arns: &str) -> String {
        format!(
            r#"{{"roleName": "TaskRole", "usage": {{"taskRoleOf": ["TaskDef"], "executionRoleOf": []}},
               "managedPolicyArns": {arns}}}"#
        )
    }

    #[test]
    fn fires_on_admin_and_full_access_policies() {
        let found = role_findings(
            CODE,
            &role(
                r#"["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws-us-gov:iam::aws:policy/AmazonS3FullAccess"]"#,
            ),
        );
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].severity, found[0].pointer.as_str()), (Severity::Error, "/managedPolicyArns/1"));
        assert_eq!((found[1].severity, found[1].pointer.as_str()), (Severity::Warning, "/managedPolicyArns/2"));
        assert!(found[0].message.contains("every action on every resource"), "{}", found[0].message);
    }

    #[test]
    fn clean_for_narrow_and_customer_policies() {
        let arns = r#"["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
            "arn:aws:iam::123456789012:policy/AdministratorAccess", "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"]"#;
        assert!(role_messages(CODE, &role(arns)).is_empty());
    }

    #[test]
    fn silent_for_opaque_values() {
        assert!(role_messages(CODE, &role(r#"["${PolicyArn}", "arn:aws:iam::aws:policy/<name>"]"#)).is_empty());
        assert!(role_messages(CODE, &role(r#""${Arns}""#)).is_empty());
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(role_report(
            CODE,
            &role(
                r#"["arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/SecretsManagerReadWrite"]"#
            )
        ));
    }
}
