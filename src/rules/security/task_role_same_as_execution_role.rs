//! The execution role serves ECS (image pulls, logs, secrets); sharing it hands those rights to the app.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Shape, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct TaskRoleSameAsExecutionRole {
        code: "ECS-SEC-014",
        name: "task-role-same-as-execution-role",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "the task role and the execution role are the same role",
    }
}

/// An IAM role as written: a full ARN (`arn:<partition>:iam::<account>:role[/path]/<name>`) or a name.
#[derive(Debug, PartialEq, Eq)]
struct RoleRef<'a> {
    /// Partition and account, when written as an ARN.
    account: Option<(&'a str, &'a str)>,
    name: &'a str,
}

/// Parses a role reference; `None` for anything that is neither a role ARN nor a plain name.
fn role_ref(text: &str) -> Option<RoleRef<'_>> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(rest) = text.strip_prefix("arn:") {
        let mut parts = rest.splitn(5, ':');
        let (partition, service, region, account, resource) =
            (parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        if service != "iam" || !region.is_empty() {
            return None;
        }
        let path_and_name = resource.strip_prefix("role/")?;
        let name = path_and_name.rsplit('/').next().filter(|n| !n.is_empty())?;
        return Some(RoleRef { account: Some((partition, account)), name });
    }
    // A role name: letters, digits and `+=,.@_-`, up to 64 characters.
    let valid = text.len() <= 64 && text.chars().all(|c| c.is_ascii_alphanumeric() || "+=,.@_-".contains(c));
    valid.then_some(RoleRef { account: None, name: text })
}

/// The same role: IAM role names are unique per account regardless of case and path.
fn same_role(a: &RoleRef<'_>, b: &RoleRef<'_>) -> bool {
    let accounts_agree = match (a.account, b.account) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    accounts_agree && a.name.eq_ignore_ascii_case(b.name)
}

impl Rule for TaskRoleSameAsExecutionRole {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if task.shape() == Shape::ContainerArray {
            return;
        }
        // A template or plan names the role by logical ID or address (its ARN is known only after deploy).
        let resolved =
            task.infra().and_then(|i| i.task_role.as_deref().filter(|r| i.execution_role.as_deref() == Some(r)));
        let name = match resolved {
            Some(id) => id.to_string(),
            None => {
                let (Some(task_role), Some(execution_role)) = (task.str("taskRoleArn"), task.str("executionRoleArn"))
                else {
                    return;
                };
                let (Some(a), Some(b)) = (role_ref(task_role), role_ref(execution_role)) else {
                    return;
                };
                if !same_role(&a, &b) {
                    return;
                }
                a.name.to_string()
            }
        };
        cx.report(self, "/taskRoleArn")
            .message(format!(
                "the task role and the execution role are the same role `{name}`: the application code gets every \
                 permission ECS needs to start the task (pulling images, writing logs, reading every secret the \
                 task definition references)"
            ))
            .label("task role (used by the application)")
            .related("/executionRoleArn", "execution role (used by ECS to start the task)")
            .help(
                "give the task its own role with only the AWS calls the application makes (for example s3:GetObject \
                 on one bucket); keep the execution role for ECS with AmazonECSTaskExecutionRolePolicy and read \
                 access to the task's secrets",
            )
            .emit();
    }
}

#[cfg(test)]
mod unit {
    use super::{role_ref, same_role};

    fn same(a: &str, b: &str) -> bool {
        same_role(&role_ref(a).unwrap(), &role_ref(b).unwrap())
    }

    #[test]
    fn compares_arns_and_names() {
        let arn = "arn:aws:iam::123456789012:role/app";
        assert!(same(arn, arn));
        assert!(same(arn, "app"));
        assert!(same("arn:aws:iam::123456789012:role/service/app", "APP"));
        assert!(!same(arn, "arn:aws:iam::123456789012:role/app-execution"));
        assert!(!same(arn, "arn:aws:iam::210987654321:role/app"));
        assert!(role_ref("arn:aws:iam::123456789012:user/app").is_none());
        assert!(role_ref("not a role").is_none());
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-014";

    fn td(task_role: &str, execution_role: &str) -> String {
        format!(
            r#"{{"family": "web", "taskRoleArn": {task_role}, "executionRoleArn": {execution_role},
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 512}}]}}"#
        )
    }

    const ROLE: &str = r#""arn:aws:iam::123456789012:role/web""#;

    #[test]
    fn fires_on_the_same_role_and_explains_both_roles() {
        let messages = assert_fires(CODE, 1, &td(ROLE, ROLE));
        assert!(messages[0].contains("same role `web`"), "{messages:?}");
        assert!(messages[0].contains("pulling images, writing logs, reading every secret"));
        assert_fires(CODE, 1, &td(r#""web""#, ROLE));
        assert_fires(CODE, 1, &td(ROLE, r#""arn:aws:iam::123456789012:role/ecs/web""#));
    }

    #[test]
    fn clean_for_different_roles_or_one_role() {
        assert_clean(CODE, &td(ROLE, r#""arn:aws:iam::123456789012:role/web-execution""#));
        assert_clean(CODE, &td(ROLE, r#""arn:aws:iam::210987654321:role/web""#));
        assert_clean(CODE, &td(ROLE, "null"));
        assert_clean(
            CODE,
            r#"{"family": "web", "taskRoleArn": "arn:aws:iam::123456789012:role/web",
                "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512}]}"#,
        );
    }

    #[test]
    fn silent_for_placeholders_and_bare_arrays() {
        assert_clean(CODE, &td(r#""${TASK_ROLE}""#, r#""${TASK_ROLE}""#));
        assert_clean(CODE, &td(ROLE, r#""arn:aws:iam::<account-id>:role/web""#));
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx"}]"#);
    }
}
