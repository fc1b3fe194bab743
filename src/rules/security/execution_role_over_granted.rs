//! The execution role is used by ECS only (image pulls, logs, secrets); anything more is reachable
//! by whoever controls the agent's credentials and serves no purpose.

use crate::context::LintContext;
use crate::declare_rule;
use crate::iam::actions::{access_level, mutations_granted};
use crate::iam::policy::{Effect, Tri, action_match};
use crate::iam::usage::{SecretStore, Usage, secret_read};
use crate::iam::{describe_policy, describe_role, evaluate::inline_statements};
use crate::model::Role;
use crate::model::known::known_str;
use crate::rule::Rule;

declare_rule! {
    pub struct ExecutionRoleOverGranted {
        code: "ECS-SEC-032",
        name: "execution-role-over-granted",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "an execution role allows more than its task definitions need to start",
    }
}

/// What the task definitions need the execution role for (see `crate::iam::usage`).
struct Needed {
    actions: Vec<&'static str>,
    /// Services whose read actions are tolerated next to the needed ones (`ssm:GetParameter`
    /// beside `ssm:GetParameters`).
    services: Vec<&'static str>,
    /// Every secret and parameter ARN is known: a read on `*` is certainly wider.
    secrets_known: bool,
    secret_count: usize,
}

fn needed(usage: &Usage<'_>) -> Needed {
    let mut actions = vec![];
    let mut services = vec!["kms"];
    if usage.flag("ecrPull") != Some(false) {
        actions.extend([
            "ecr:GetAuthorizationToken",
            "ecr:BatchCheckLayerAvailability",
            "ecr:GetDownloadUrlForLayer",
            "ecr:BatchGetImage",
        ]);
        services.push("ecr");
    }
    if usage.flag("awslogs") != Some(false) {
        actions.extend(["logs:CreateLogStream", "logs:PutLogEvents"]);
        if usage.flag("awslogsCreateGroup") != Some(false) {
            actions.push("logs:CreateLogGroup");
        }
        services.push("logs");
    }
    let (mut asm, mut ssm, mut known, mut count) = (false, false, true, 0);
    let references = usage
        .list("secrets")
        .iter()
        .map(|e| e.get("valueFrom"))
        .chain(usage.list("repositoryCredentials").iter().map(|e| e.get("credentialsParameter")));
    for reference in references {
        count += 1;
        match known_str(reference).map(|r| (r, secret_read(r))) {
            Some((_, Some(read))) if read.store == SecretStore::SecretsManager => asm = true,
            Some((_, Some(_))) => ssm = true,
            // A bare name is a parameter of the same account and Region.
            Some((r, None)) if !r.starts_with("arn:") => {
                ssm = true;
                known = false;
            }
            _ => {
                asm = true;
                ssm = true;
                known = false;
            }
        }
    }
    if asm {
        actions.push("secretsmanager:GetSecretValue");
        services.push("secretsmanager");
    }
    if ssm {
        actions.push("ssm:GetParameters");
        services.push("ssm");
    }
    if !usage.list("environmentFiles").is_empty() {
        actions.extend(["s3:GetObject", "s3:GetBucketLocation"]);
        services.push("s3");
    }
    Needed { actions, services, secrets_known: known, secret_count: count }
}

impl Needed {
    fn covers(&self, pattern: &str) -> bool {
        self.actions.iter().any(|a| action_match(pattern, a) == Tri::Yes)
    }

    /// Is a granted action pattern more than needed? Returns how to describe it.
    fn excess(&self, pattern: &str) -> Option<String> {
        if pattern.to_ascii_lowercase().starts_with("kms:") {
            return None; // a customer managed key may be needed; nothing is claimed about KMS
        }
        let service = pattern.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
        let wildcard = pattern.contains(['*', '?']);
        if self.covers(pattern) {
            if !wildcard {
                return None;
            }
            let extra: Vec<String> = mutations_granted(pattern)
                .into_iter()
                .filter(|a| !self.actions.iter().any(|n| n.eq_ignore_ascii_case(a)))
                .collect();
            return (pattern == "*" || pattern.ends_with(":*") || !extra.is_empty())
                .then(|| format!("`{pattern}` (more than the needed actions it covers)"));
        }
        let tolerated_read = service.as_deref().is_some_and(|s| self.services.contains(&s))
            && !wildcard
            && matches!(access_level(pattern), Some(l) if !l.is_mutating());
        if tolerated_read {
            return None;
        }
        if wildcard && !pattern.contains(':') {
            return None;
        }
        let unknown_verb = !wildcard && access_level(pattern).is_none();
        let harmless_wildcard = wildcard && mutations_granted(pattern).is_empty() && !pattern.ends_with(":*");
        if unknown_verb || (harmless_wildcard && service.as_deref().is_some_and(|s| self.services.contains(&s))) {
            return None;
        }
        Some(format!("`{pattern}`"))
    }
}

impl Rule for ExecutionRoleOverGranted {
    fn check_role(&self, role: &Role<'_>, cx: &mut LintContext<'_>) {
        let usage = Usage::of(role);
        let execution = usage.execution_role_of();
        if execution.is_empty() || !usage.task_role_of().is_empty() || usage.needs().is_none() {
            return;
        }
        if !usage.list("unmodelled").is_empty() {
            return;
        }
        let needed = needed(&usage);
        let (statements, _) = inline_statements(role);
        for s in statements.iter().filter(|s| s.effect == Effect::Allow && !s.has_condition) {
            let Some(action) = &s.action else { continue };
            if action.negated {
                continue; // ECS-SEC-028 reports Allow with NotAction
            }
            let excess: Vec<String> = action.known().filter_map(|(_, p)| needed.excess(p)).collect();
            if !excess.is_empty() {
                cx.report(self, action.pointer.clone())
                    .message(format!(
                        "{} of {} allows {}, which ECS does not need to start the tasks (it pulls images, writes \
                         logs and reads the referenced secrets and environment files with this role)",
                        describe_policy(role, &s.pointer),
                        describe_role(role),
                        excess.join(", ")
                    ))
                    .label("not needed by ECS")
                    .help(
                        "remove them; if the application needs them, grant them to the task role \
                         (`taskRoleArn`), which the containers use",
                    )
                    .emit();
                continue;
            }
            let Some(any) = s.any_resource() else { continue };
            if !needed.secrets_known {
                continue;
            }
            let reads: Vec<&str> = ["secretsmanager:GetSecretValue", "ssm:GetParameters"]
                .into_iter()
                .filter(|a| needed.actions.contains(a) && s.covers_action(a) == Tri::Yes)
                .collect();
            let env_files = needed.actions.contains(&"s3:GetObject")
                && s.covers_action("s3:GetObject") == Tri::Yes
                && usage.list("environmentFiles").iter().all(|f| known_str(f.get("value")).is_some());
            if reads.is_empty() && !env_files {
                continue;
            }
            let mut what: Vec<String> = reads.iter().map(|a| format!("`{a}`")).collect();
            if env_files {
                what.push("`s3:GetObject`".to_string());
            }
            cx.report(self, any)
                .message(format!(
                    "{} of {} allows {} on every resource, but its task definitions reference {} secret(s) or \
                     parameter(s) and {} environment file(s): the role can read every secret of the account",
                    describe_policy(role, &s.pointer),
                    describe_role(role),
                    what.join(", "),
                    needed.secret_count,
                    usage.list("environmentFiles").len()
                ))
                .label("every secret")
                .help("list the ARNs of the referenced secrets, parameters and environment files instead of `*`")
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{role_findings, role_messages, role_report};

    const CODE: &str = "ECS-SEC-032";

    fn role(statements: &str, task_role_of: &str, secrets: &str) -> String {
        format!(
            r#"{{"roleName": "ExecutionRole",
               "policies": [{{"policyName": "exec", "policyDocument": {{"Statement": [{statements}]}}}}],
               "managedPolicyArns": ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"],
               "usage": {{"taskRoleOf": [{task_role_of}], "executionRoleOf": ["TaskDef"], "needs": {{
                 "secrets": [{secrets}], "repositoryCredentials": [], "environmentFiles": [],
                 "ecrPull": true, "awslogs": true, "awslogsCreateGroup": false, "unmodelled": []}}}}}}"#
        )
    }

    const SECRET: &str = r#"{"valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db", "name": "DB", "taskDefinition": "TaskDef", "container": "app"}"#;

    #[test]
    fn fires_on_grants_ecs_does_not_need() {
        let found = role_findings(
            CODE,
            &role(
                r#"{"Effect": "Allow", "Action": ["ssm:GetParameters", "s3:PutObject", "dynamodb:*"], "Resource": "*"}"#,
                "",
                SECRET,
            ),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        let m = &found[0].message;
        assert!(m.contains("`s3:PutObject`, `dynamodb:*`") && !m.contains("GetParameters"), "{m}");
        let unneeded_secret_read =
            role(r#"{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}"#, "", SECRET);
        assert_eq!(role_messages(CODE, &unneeded_secret_read).len(), 1);
        let broad = role(r#"{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}"#, "", SECRET);
        assert!(role_messages(CODE, &broad)[0].contains("`logs:*` (more than the needed actions it covers)"));
        let every_secret = role(r#"{"Effect": "Allow", "Action": "ssm:GetParameters", "Resource": "*"}"#, "", SECRET);
        let found = role_findings(CODE, &every_secret);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("every secret"), "{}", found[0].message);
    }

    #[test]
    fn clean_for_what_ecs_needs() {
        for statement in [
            r#"{"Effect": "Allow", "Action": ["ssm:GetParameters", "ssm:GetParameter", "kms:Decrypt"], "Resource": ["arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db", "arn:aws:kms:eu-west-1:123456789012:key/1"]}"#,
            r#"{"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], "Resource": "arn:aws:logs:*:*:log-group:/ecs/*"}"#,
            r#"{"Effect": "Allow", "Action": ["ecr:Get*", "ecr:BatchGetImage"], "Resource": "*"}"#,
        ] {
            assert!(role_messages(CODE, &role(statement, "", SECRET)).is_empty(), "{statement}");
        }
    }

    #[test]
    fn silent_for_task_roles_unknown_needs_and_opaque_values() {
        let s3 = r#"{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}"#;
        assert!(role_messages(CODE, &role(s3, r#""TaskDef""#, SECRET)).is_empty());
        assert!(
            role_messages(
                CODE,
                &role(s3, "", SECRET).replace(r#""unmodelled": []"#, r#""unmodelled": ["credentialSpecs"]"#)
            )
            .is_empty()
        );
        assert!(
            role_messages(CODE, &role(r#"{"Effect": "Allow", "Action": "${Actions}", "Resource": "*"}"#, "", SECRET))
                .is_empty()
        );
        let opaque_secret = r#"{"valueFrom": "${SecretArn}", "taskDefinition": "TaskDef", "container": "app"}"#;
        let any =
            r#"{"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue", "ssm:GetParameters"], "Resource": "*"}"#;
        assert!(role_messages(CODE, &role(any, "", opaque_secret)).is_empty());
        let conditional = r#"{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*", "Condition": {"Bool": {"aws:ViaAWSService": "true"}}}"#;
        assert!(role_messages(CODE, &role(conditional, "", SECRET)).is_empty());
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(role_report(
            CODE,
            &role(
                r#"{"Effect": "Allow", "Action": ["ssm:GetParameters", "s3:*", "sqs:SendMessage"], "Resource": "*"}"#,
                "",
                SECRET
            )
        ));
    }
}
