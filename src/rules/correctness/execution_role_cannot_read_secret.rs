//! ECS reads `secrets` with the execution role before the containers start; without the grant the
//! task never starts.

use crate::context::LintContext;
use crate::declare_rule;
use crate::iam::usage::{SecretStore, Usage, secret_read};
use crate::iam::{Decision, PolicySet};
use crate::model::Role;
use crate::model::known::known_str;
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct ExecutionRoleCannotReadSecret {
        code: "ECS-COR-062",
        name: "execution-role-cannot-read-secret",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "the execution role is not allowed to read a secret or parameter the task definition references",
    }
}

impl Rule for ExecutionRoleCannotReadSecret {
    fn check_role(&self, role: &Role<'_>, cx: &mut LintContext<'_>) {
        let usage = Usage::of(role);
        if usage.execution_role_of().is_empty() {
            return;
        }
        let policies = PolicySet::of_role(role);
        let references = usage.list("secrets").iter().map(|e| (e, "valueFrom", "secret")).chain(
            usage.list("repositoryCredentials").iter().map(|e| (e, "credentialsParameter", "registry credentials")),
        );
        for (entry, key, kind) in references {
            let Some(reference) = known_str(entry.get(key)) else { continue };
            let Some(read) = secret_read(reference) else { continue };
            // The template says a resource policy on the secret may grant the role: not certain.
            if read.store == SecretStore::SecretsManager && entry.get("resourcePolicy") == Some(&Value::Bool(true)) {
                continue;
            }
            if policies.evaluate(read.action, &|p| read.covered_by(p)) != Decision::NotAllowed {
                continue;
            }
            let role_name =
                role.name().map_or_else(|| "the execution role".to_string(), |n| format!("execution role `{n}`"));
            let task = known_str(entry.get("taskDefinition")).unwrap_or("?");
            let container = known_str(entry.get("container")).unwrap_or("?");
            let what = match known_str(entry.get("name")) {
                Some(name) => format!("{kind} `{name}` of container `{container}`"),
                None => format!("{kind} of container `{container}`"),
            };
            let error = match read.store {
                SecretStore::SecretsManager => "unable to retrieve secret from asm",
                SecretStore::ParameterStore => "unable to retrieve secrets from ssm",
            };
            cx.report(self, "")
                .message(format!(
                    "{role_name} of task definition `{task}` cannot read {what} (`{reference}`): none of its \
                     policies allows `{}` on it, so every task fails to start with \"ResourceInitializationError: \
                     unable to pull secrets or registry auth: execution resource retrieval failed: {error}: … \
                     AccessDeniedException: … is not authorized to perform: {}\"",
                    read.action, read.action
                ))
                .label("execution role")
                .help(format!(
                    "allow `{}` on `{}` in an inline policy of the execution role (and `kms:Decrypt` on the key, if \
                     a customer managed key encrypts it)",
                    read.action,
                    policy_resource(&read.store, &read.resource)
                ))
                .emit();
        }
    }
}

/// The `Resource` to suggest: a Secrets Manager ARN without its 6-character suffix gets `-*`.
fn policy_resource(store: &SecretStore, arn: &str) -> String {
    let suffixed =
        arn.rsplit_once('-').is_some_and(|(_, s)| s.len() == 6 && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    if *store == SecretStore::SecretsManager && !suffixed { format!("{arn}-*") } else { arn.to_string() }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{role_findings, role_messages, role_report};

    const CODE: &str = "ECS-COR-062";
    const SSM: &str = "arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db-password";
    const ASM: &str = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/api-key-AbCdEf:token::";

    fn role(statements: &str, managed: &str, value_from: &str) -> String {
        format!(
            r#"{{"roleName": "ExecutionRole",
               "policies": [{{"policyName": "secrets", "policyDocument": {{"Statement": [{statements}]}}}}],
               "managedPolicyArns": [{managed}],
               "usage": {{"taskRoleOf": [], "executionRoleOf": ["TaskDef"], "needs": {{
                 "secrets": [{{"valueFrom": "{value_from}", "name": "DB_PASSWORD", "taskDefinition": "TaskDef", "container": "app"}}],
                 "ecrPull": true, "awslogs": true}}}}}}"#
        )
    }

    const EXEC: &str = r#""arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy""#;

    #[test]
    fn fires_when_no_policy_allows_the_read() {
        let found = role_findings(CODE, &role("", EXEC, SSM));
        assert_eq!(found.len(), 1);
        let m = &found[0].message;
        assert!(
            m.contains("execution role `ExecutionRole` of task definition `TaskDef` cannot read secret `DB_PASSWORD`"),
            "{m}"
        );
        assert!(m.contains("unable to retrieve secrets from ssm") && m.contains("ssm:GetParameters"), "{m}");
        let other = r#"{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/other-*"}"#;
        assert_eq!(role_messages(CODE, &role(other, EXEC, ASM)).len(), 1);
        let denied = r#"{"Effect": "Allow", "Action": "ssm:GetParameters", "Resource": "*"}, {"Effect": "Deny", "Action": "ssm:*", "Resource": "*"}"#;
        assert_eq!(role_messages(CODE, &role(denied, "", SSM)).len(), 1);
    }

    #[test]
    fn clean_when_allowed() {
        for statement in [
            r#"{"Effect": "Allow", "Action": "ssm:GetParameters", "Resource": "arn:aws:ssm:eu-west-1:123456789012:parameter/prod/*"}"#,
            r#"{"Effect": "Allow", "Action": "ssm:Get*", "Resource": "*"}"#,
            r#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#,
        ] {
            assert!(role_messages(CODE, &role(statement, EXEC, SSM)).is_empty(), "{statement}");
        }
        let asm = r#"{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/api-key-*"}"#;
        assert!(role_messages(CODE, &role(asm, EXEC, ASM)).is_empty());
    }

    #[test]
    fn silent_when_unsure() {
        let conditional = r#"{"Effect": "Allow", "Action": "ssm:GetParameters", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/app": "web"}}}"#;
        let opaque = r#"{"Effect": "Allow", "Action": "ssm:GetParameters", "Resource": "${ParamArn}"}"#;
        for (statement, managed, value_from) in [
            (conditional, EXEC, SSM),
            (opaque, EXEC, SSM),
            ("", r#""arn:aws:iam::123456789012:policy/secrets""#, SSM),
            ("", r#""${PolicyArn}""#, SSM),
            ("", EXEC, "db-password"),
            ("", EXEC, "${DbSecretArn}"),
            ("", EXEC, "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/api-key"),
        ] {
            if value_from.ends_with("api-key") {
                let suffixed = r#"{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/api-key-AbCdEf"}"#;
                assert!(role_messages(CODE, &role(suffixed, managed, value_from)).is_empty());
                continue;
            }
            assert!(
                role_messages(CODE, &role(statement, managed, value_from)).is_empty(),
                "{statement} {managed} {value_from}"
            );
        }
        let with_policy =
            role("", EXEC, ASM).replace(r#""container": "app""#, r#""container": "app", "resourcePolicy": true"#);
        assert!(role_messages(CODE, &with_policy).is_empty());
        let task_role = role("", EXEC, SSM).replace(r#""executionRoleOf": ["TaskDef"]"#, r#""executionRoleOf": []"#);
        assert!(role_messages(CODE, &task_role).is_empty());
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(role_report(CODE, &role("", EXEC, ASM)));
    }
}
