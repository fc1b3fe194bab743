//! Does a role's identity policy allow an action on a resource?
//!
//! IAM's evaluation logic for one account's identity policies (IAM User Guide, "Policy
//! evaluation logic", <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html>,
//! checked 2026-11-23): an explicit `Deny` wins, else an `Allow` is needed, else the request is
//! implicitly denied. Permissions boundaries, SCPs and session policies can only take rights
//! away, so "allowed" here means "allowed by the role's own policies". Resource-based policies
//! (a secret's, a bucket's) can add rights in the same account: callers that claim "cannot" say so.
//!
//! The answer is `Unknown` whenever something unread could change it: an opaque value, a
//! `Condition`, a policy document that is not a plain statement list, or a managed policy this
//! crate has no complete contents for.

use super::managed;
use super::policy::{Effect, Statement, Tri, resource_match, statements};
use crate::model::known::known_str;
use crate::model::{Role, join};
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    NotAllowed,
    Unknown,
}

/// Every statement that grants the role rights, with a flag for grants that could not be read.
#[derive(Debug, Default)]
pub struct PolicySet<'a> {
    pub statements: Vec<Statement<'a>>,
    /// Some grant is unknown: an opaque or odd policy, an unknown or incompletely known managed policy.
    pub incomplete: bool,
}

/// The statements of the role's inline policies (`/policies/<i>/policyDocument`), and whether every
/// inline policy could be read.
pub fn inline_statements<'a>(role: &Role<'a>) -> (Vec<Statement<'a>>, bool) {
    let mut out = Vec::new();
    let mut known = matches!(role.get("policies"), None | Some(Value::Null | Value::Array(_)));
    for (i, policy) in role.array("policies").iter().enumerate() {
        let at = join(&join("/policies", i), "policyDocument");
        match policy.get("policyDocument") {
            Some(document) => {
                known &= super::policy::document_known(document);
                let found = statements(document, &at);
                known &= found.len() == statement_count(document);
                out.extend(found);
            }
            None => known = false,
        }
    }
    (out, known)
}

fn statement_count(document: &Value) -> usize {
    match document.get("Statement") {
        Some(Value::Array(items)) => items.len(),
        Some(Value::Object(_)) => 1,
        _ => 0,
    }
}

impl<'a> PolicySet<'a> {
    /// Inline policies and attached managed policies of a role.
    pub fn of_role(role: &Role<'a>) -> Self {
        let (mut statements_found, inline_known) = inline_statements(role);
        let mut incomplete = !inline_known;
        incomplete |= !matches!(role.get("managedPolicyArns"), None | Some(Value::Null | Value::Array(_)));
        for (i, arn) in role.array("managedPolicyArns").iter().enumerate() {
            match known_str(Some(arn)).and_then(managed::lookup) {
                Some(policy) => {
                    incomplete |= !policy.complete;
                    if let Some(document) = policy.statements() {
                        statements_found.extend(statements(document, &join("/managedPolicyArns", i)));
                    }
                }
                None => incomplete = true,
            }
        }
        Self { statements: statements_found, incomplete }
    }

    /// May the role call `action` on a resource? `resource` tells whether a `Resource` pattern
    /// covers it.
    pub fn evaluate(&self, action: &str, resource: &dyn Fn(&str) -> Tri) -> Decision {
        let (mut allow, mut allow_maybe, mut deny, mut deny_maybe) = (false, false, false, false);
        for s in &self.statements {
            let mut applies = s.covers_action(action).and(s.covers_resource(resource));
            if s.has_condition && applies == Tri::Yes {
                applies = Tri::Maybe;
            }
            match (s.effect, applies) {
                (_, Tri::No) => {}
                (Effect::Allow, Tri::Yes) => allow = true,
                (Effect::Deny, Tri::Yes) => deny = true,
                (Effect::Allow, Tri::Maybe) => allow_maybe = true,
                (Effect::Deny, Tri::Maybe) => deny_maybe = true,
                (Effect::Unknown, _) => {
                    allow_maybe = true;
                    deny_maybe = true;
                }
            }
        }
        if deny {
            Decision::NotAllowed
        } else if allow && !deny_maybe {
            Decision::Allowed
        } else if allow || allow_maybe || self.incomplete {
            Decision::Unknown
        } else {
            Decision::NotAllowed
        }
    }

    /// May the role call `action` on the ARN `resource`?
    pub fn allows(&self, action: &str, resource: &str) -> Decision {
        self.evaluate(action, &|pattern| resource_match(pattern, resource))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SECRET: &str = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf";

    fn decide(role: Value, action: &str, resource: &str) -> Decision {
        PolicySet::of_role(&Role::new(&role)).allows(action, resource)
    }

    fn inline(statements: Value) -> Value {
        json!({"policies": [{"policyName": "p", "policyDocument": {"Version": "2012-10-17", "Statement": statements}}]})
    }

    #[test]
    fn allow_deny_and_implicit_deny() {
        let allow = json!([{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": SECRET}]);
        assert_eq!(decide(inline(allow), "secretsmanager:GetSecretValue", SECRET), Decision::Allowed);
        let other = json!([{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
            "Resource": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-*"}]);
        assert_eq!(decide(inline(other), "secretsmanager:GetSecretValue", SECRET), Decision::NotAllowed);
        let denied = json!([
            {"Effect": "Allow", "Action": "*", "Resource": "*"},
            {"Effect": "Deny", "Action": "secretsmanager:*", "Resource": "*"}
        ]);
        assert_eq!(decide(inline(denied), "secretsmanager:GetSecretValue", SECRET), Decision::NotAllowed);
        assert_eq!(decide(json!({}), "secretsmanager:GetSecretValue", SECRET), Decision::NotAllowed);
    }

    #[test]
    fn conditions_and_opaque_values_make_it_unknown() {
        let conditional = json!([{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*",
            "Condition": {"StringEquals": {"aws:ResourceTag/app": "web"}}}]);
        assert_eq!(decide(inline(conditional), "secretsmanager:GetSecretValue", SECRET), Decision::Unknown);
        let opaque =
            json!([{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "${SecretArn}"}]);
        assert_eq!(decide(inline(opaque), "secretsmanager:GetSecretValue", SECRET), Decision::Unknown);
        let deny_maybe = json!([
            {"Effect": "Allow", "Action": "*", "Resource": "*"},
            {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:ViaAWSService": "false"}}}
        ]);
        assert_eq!(decide(inline(deny_maybe), "s3:GetObject", "arn:aws:s3:::b/k"), Decision::Unknown);
        let opaque_doc = json!({"policies": [{"policyName": "p", "policyDocument": "${Doc}"}]});
        assert_eq!(decide(opaque_doc, "s3:GetObject", "arn:aws:s3:::b/k"), Decision::Unknown);
    }

    #[test]
    fn managed_policies_count_when_known() {
        let exec =
            json!({"managedPolicyArns": ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"]});
        assert_eq!(
            decide(exec.clone(), "ecr:BatchGetImage", "arn:aws:ecr:eu-west-1:1:repository/x"),
            Decision::Allowed
        );
        assert_eq!(decide(exec, "secretsmanager:GetSecretValue", SECRET), Decision::NotAllowed);
        let custom = json!({"managedPolicyArns": ["arn:aws:iam::123456789012:policy/secrets"]});
        assert_eq!(decide(custom, "secretsmanager:GetSecretValue", SECRET), Decision::Unknown);
        let admin = json!({"managedPolicyArns": ["arn:aws:iam::aws:policy/AdministratorAccess"]});
        assert_eq!(decide(admin, "secretsmanager:GetSecretValue", SECRET), Decision::Allowed);
        let s3 = json!({"managedPolicyArns": ["arn:aws:iam::aws:policy/AmazonS3FullAccess"]});
        assert_eq!(decide(s3, "secretsmanager:GetSecretValue", SECRET), Decision::Unknown);
    }

    #[test]
    fn not_action_and_not_resource_are_evaluated() {
        let not_action = json!([{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]);
        assert_eq!(decide(inline(not_action.clone()), "s3:GetObject", "arn:aws:s3:::b/k"), Decision::Allowed);
        assert_eq!(decide(inline(not_action), "iam:PassRole", "arn:aws:iam::1:role/x"), Decision::NotAllowed);
        let not_resource =
            json!([{"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::private/*"}]);
        assert_eq!(decide(inline(not_resource.clone()), "s3:GetObject", "arn:aws:s3:::b/k"), Decision::Allowed);
        assert_eq!(decide(inline(not_resource), "s3:GetObject", "arn:aws:s3:::private/k"), Decision::NotAllowed);
    }
}
