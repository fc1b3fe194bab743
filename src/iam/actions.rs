//! Access levels of IAM actions: which ones change resources (**Write**) or who may use them
//! (**Permissions management**).
//!
//! Source: AWS Service Authorization Reference, "Actions, resources, and condition keys for AWS
//! services",
//! <https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html>
//! (the per-service pages of IAM, STS, KMS, Secrets Manager, Systems Manager, S3, ECR, CloudWatch
//! Logs, ECS, EC2, DynamoDB, SQS, SNS, Lambda, CloudWatch, Elastic Load Balancing, X-Ray and
//! Session Manager message gateway). Checked: 2026-11-23.
//!
//! The tables list the actions ECS tasks commonly touch; any other action is judged by its verb
//! (`Put…`, `Create…`, `Delete…` write; `Get…`, `List…`, `Describe…` read), and an action whose
//! verb is neither is left unclassified, so no rule reports it. Two deliberate choices:
//! - KMS cryptographic operations (`kms:Decrypt`, `kms:GenerateDataKey` …) are "Write" in the
//!   reference, but they change nothing; they are left unclassified so that a key grant is not
//!   reported as a write.
//! - Tagging actions (`TagResource`, `UntagResource`) have their own level, "Tagging", as in the
//!   reference; they are not reported as writes.

use super::policy::glob;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AccessLevel {
    List,
    Read,
    Tagging,
    Write,
    PermissionsManagement,
}

impl AccessLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            AccessLevel::List => "list",
            AccessLevel::Read => "read",
            AccessLevel::Tagging => "tagging",
            AccessLevel::Write => "write",
            AccessLevel::PermissionsManagement => "permissions management",
        }
    }

    /// Write or permissions management.
    pub fn is_mutating(self) -> bool {
        matches!(self, AccessLevel::Write | AccessLevel::PermissionsManagement)
    }
}

/// Permissions-management actions (they change who may do what).
const PERMISSIONS_MANAGEMENT: &[&str] = &[
    "iam:AttachGroupPolicy",
    "iam:AttachRolePolicy",
    "iam:AttachUserPolicy",
    "iam:CreatePolicy",
    "iam:CreatePolicyVersion",
    "iam:DeleteGroupPolicy",
    "iam:DeletePolicy",
    "iam:DeletePolicyVersion",
    "iam:DeleteRolePermissionsBoundary",
    "iam:DeleteRolePolicy",
    "iam:DeleteUserPermissionsBoundary",
    "iam:DeleteUserPolicy",
    "iam:DetachGroupPolicy",
    "iam:DetachRolePolicy",
    "iam:DetachUserPolicy",
    "iam:PutGroupPolicy",
    "iam:PutRolePermissionsBoundary",
    "iam:PutRolePolicy",
    "iam:PutUserPermissionsBoundary",
    "iam:PutUserPolicy",
    "iam:SetDefaultPolicyVersion",
    "iam:UpdateAssumeRolePolicy",
    "kms:CreateGrant",
    "kms:PutKeyPolicy",
    "kms:RetireGrant",
    "kms:RevokeGrant",
    "s3:DeleteBucketPolicy",
    "s3:PutAccessPointPolicy",
    "s3:PutAccountPublicAccessBlock",
    "s3:PutBucketAcl",
    "s3:PutBucketOwnershipControls",
    "s3:PutBucketPolicy",
    "s3:PutBucketPublicAccessBlock",
    "s3:PutObjectAcl",
    "s3:PutObjectVersionAcl",
    "secretsmanager:DeleteResourcePolicy",
    "secretsmanager:PutResourcePolicy",
    "sqs:AddPermission",
    "sqs:RemovePermission",
    "sns:AddPermission",
    "sns:RemovePermission",
    "lambda:AddLayerVersionPermission",
    "lambda:AddPermission",
    "lambda:RemoveLayerVersionPermission",
    "lambda:RemovePermission",
    "ecr:DeleteRegistryPolicy",
    "ecr:DeleteRepositoryPolicy",
    "ecr:PutRegistryPolicy",
    "ecr:SetRepositoryPolicy",
];

/// Write actions named when a wildcard such as `dynamodb:*Item` covers them (actions whose verb
/// already says "write" need not be listed, but the common ones are, for expansion).
const WRITE: &[&str] = &[
    "iam:CreateAccessKey",
    "iam:CreateLoginProfile",
    "iam:CreateRole",
    "iam:CreateUser",
    "iam:DeleteRole",
    "iam:PassRole",
    "iam:UpdateLoginProfile",
    "sts:AssumeRole",
    "kms:DisableKey",
    "kms:ScheduleKeyDeletion",
    "secretsmanager:CreateSecret",
    "secretsmanager:DeleteSecret",
    "secretsmanager:PutSecretValue",
    "secretsmanager:RotateSecret",
    "secretsmanager:UpdateSecret",
    "ssm:DeleteParameter",
    "ssm:DeleteParameters",
    "ssm:PutParameter",
    "ssm:SendCommand",
    "ssm:StartSession",
    "s3:AbortMultipartUpload",
    "s3:CreateBucket",
    "s3:DeleteBucket",
    "s3:DeleteObject",
    "s3:DeleteObjectVersion",
    "s3:PutObject",
    "s3:ReplicateObject",
    "s3:RestoreObject",
    "ecr:BatchDeleteImage",
    "ecr:CompleteLayerUpload",
    "ecr:CreateRepository",
    "ecr:DeleteRepository",
    "ecr:InitiateLayerUpload",
    "ecr:PutImage",
    "ecr:UploadLayerPart",
    "logs:CreateLogGroup",
    "logs:CreateLogStream",
    "logs:DeleteLogGroup",
    "logs:DeleteLogStream",
    "logs:PutLogEvents",
    "logs:PutRetentionPolicy",
    "ecs:CreateService",
    "ecs:DeleteCluster",
    "ecs:DeleteService",
    "ecs:RunTask",
    "ecs:StartTask",
    "ecs:StopTask",
    "ecs:UpdateService",
    "ec2:AuthorizeSecurityGroupIngress",
    "ec2:CreateSnapshot",
    "ec2:DeleteVolume",
    "ec2:ModifyInstanceAttribute",
    "ec2:RunInstances",
    "ec2:TerminateInstances",
    "dynamodb:BatchWriteItem",
    "dynamodb:DeleteItem",
    "dynamodb:DeleteTable",
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:UpdateTable",
    "sqs:ChangeMessageVisibility",
    "sqs:DeleteMessage",
    "sqs:DeleteQueue",
    "sqs:PurgeQueue",
    "sqs:SendMessage",
    "sqs:SetQueueAttributes",
    "sns:CreateTopic",
    "sns:DeleteTopic",
    "sns:Publish",
    "sns:SetTopicAttributes",
    "sns:Subscribe",
    "lambda:CreateFunction",
    "lambda:DeleteFunction",
    "lambda:InvokeFunction",
    "lambda:UpdateFunctionCode",
    "cloudwatch:DeleteAlarms",
    "cloudwatch:PutMetricAlarm",
    "cloudwatch:PutMetricData",
    "elasticloadbalancing:DeleteLoadBalancer",
    "elasticloadbalancing:DeregisterTargets",
    "elasticloadbalancing:ModifyListener",
    "elasticloadbalancing:RegisterTargets",
];

/// Write actions that take no resource ARN at all (the reference lists no resource type): a
/// policy can only grant them on `"*"`, so that is no finding.
pub const ANY_RESOURCE_ONLY: &[&str] = &[
    "cloudwatch:PutMetricData",
    "ecs:DeregisterTaskDefinition",
    "ecs:RegisterTaskDefinition",
    "kms:CreateKey",
    "ssmmessages:CreateControlChannel",
    "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel",
    "ssmmessages:OpenDataChannel",
    "xray:PutTelemetryRecords",
    "xray:PutTraceSegments",
];

const WRITE_VERBS: &[&str] = &[
    "Abort",
    "Add",
    "Allocate",
    "Apply",
    "Associate",
    "Assume",
    "Attach",
    "Authorize",
    "Cancel",
    "Change",
    "Complete",
    "Copy",
    "Create",
    "Delete",
    "Deregister",
    "Detach",
    "Disable",
    "Disassociate",
    "Enable",
    "Import",
    "Initiate",
    "Invoke",
    "Modify",
    "Pass",
    "Publish",
    "Purge",
    "Put",
    "Reboot",
    "Register",
    "Release",
    "Remove",
    "Replace",
    "Reset",
    "Restore",
    "Revoke",
    "Rotate",
    "Run",
    "Schedule",
    "Send",
    "Set",
    "Start",
    "Stop",
    "Submit",
    "Terminate",
    "Update",
    "Upload",
    "Write",
];

const READ_VERBS: &[&str] =
    &["Check", "Describe", "Get", "Head", "Lookup", "Query", "Receive", "Scan", "Search", "Select"];

/// The first PascalCase word of an action name (`PutObject` → `Put`); for `Batch…` the word after
/// it (`BatchGetImage` → `Get`).
fn verb(name: &str) -> &str {
    let word = |s: &str| -> usize {
        s.char_indices().skip(1).find(|(_, c)| c.is_ascii_uppercase()).map_or(s.len(), |(i, _)| i)
    };
    let first = &name[..word(name)];
    if first == "Batch" && name.len() > first.len() {
        let rest = &name[first.len()..];
        return &rest[..word(rest)];
    }
    first
}

/// The access level of a concrete action (`s3:PutObject`), `None` when unknown.
pub fn access_level(action: &str) -> Option<AccessLevel> {
    let (_, name) = action.split_once(':')?;
    let known = |list: &[&str]| list.iter().any(|a| a.eq_ignore_ascii_case(action));
    if known(PERMISSIONS_MANAGEMENT) {
        return Some(AccessLevel::PermissionsManagement);
    }
    if known(WRITE) {
        return Some(AccessLevel::Write);
    }
    let verb = verb(name);
    if verb == "Tag" || verb == "Untag" {
        return Some(AccessLevel::Tagging);
    }
    if verb == "List" {
        return Some(AccessLevel::List);
    }
    if READ_VERBS.contains(&verb) {
        return Some(AccessLevel::Read);
    }
    if WRITE_VERBS.contains(&verb) {
        let grants = ["Policy", "Permission", "Grant", "Acl"].iter().any(|w| name.contains(w));
        return Some(if grants { AccessLevel::PermissionsManagement } else { AccessLevel::Write });
    }
    None
}

/// True for write actions that only accept `"Resource": "*"`.
pub fn any_resource_only(action: &str) -> bool {
    ANY_RESOURCE_ONLY.iter().any(|a| a.eq_ignore_ascii_case(action))
}

/// The write and permissions-management actions an action pattern grants, for messages: a
/// concrete action itself; a wildcard whose fixed prefix names a write verb (`s3:Put*`) itself;
/// any other wildcard the listed actions it covers. Actions that only take `"*"` are left out.
pub fn mutations_granted(pattern: &str) -> Vec<String> {
    if !pattern.contains(['*', '?']) {
        return match access_level(pattern) {
            Some(level) if level.is_mutating() && !any_resource_only(pattern) => vec![pattern.to_string()],
            _ => Vec::new(),
        };
    }
    if let Some((_, name)) = pattern.split_once(':') {
        let prefix = &name[..name.find(['*', '?']).unwrap_or(name.len())];
        let v = verb(prefix);
        let whole_word = prefix.len() > v.len() || (prefix == v && !prefix.is_empty() && prefix != "Batch");
        if whole_word && !v.is_empty() && WRITE_VERBS.contains(&v) {
            return vec![pattern.to_string()];
        }
    }
    PERMISSIONS_MANAGEMENT
        .iter()
        .chain(WRITE)
        .filter(|a| glob(pattern, a, true) && !any_resource_only(a))
        .map(|a| a.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_by_table_then_verb() {
        assert_eq!(access_level("iam:PutRolePolicy"), Some(AccessLevel::PermissionsManagement));
        assert_eq!(access_level("IAM:passrole"), Some(AccessLevel::Write));
        assert_eq!(access_level("s3:PutBucketPolicy"), Some(AccessLevel::PermissionsManagement));
        assert_eq!(access_level("s3:GetObject"), Some(AccessLevel::Read));
        assert_eq!(access_level("ecr:BatchGetImage"), Some(AccessLevel::Read));
        assert_eq!(access_level("dynamodb:BatchWriteItem"), Some(AccessLevel::Write));
        assert_eq!(access_level("s3:ListBucket"), Some(AccessLevel::List));
        assert_eq!(access_level("ecs:TagResource"), Some(AccessLevel::Tagging));
        assert_eq!(access_level("glue:PutResourcePolicy"), Some(AccessLevel::PermissionsManagement));
        assert_eq!(access_level("glue:StartJobRun"), Some(AccessLevel::Write));
        assert_eq!(access_level("kms:Decrypt"), None);
        assert_eq!(access_level("kms:GenerateDataKey"), None);
        assert_eq!(access_level("kms:ScheduleKeyDeletion"), Some(AccessLevel::Write));
        assert_eq!(access_level("foo:Frobnicate"), None);
        assert_eq!(access_level("no-colon"), None);
    }

    #[test]
    fn names_the_mutations_a_pattern_grants() {
        assert_eq!(mutations_granted("s3:PutObject"), ["s3:PutObject"]);
        assert!(mutations_granted("s3:GetObject").is_empty());
        assert!(mutations_granted("cloudwatch:PutMetricData").is_empty());
        assert_eq!(mutations_granted("s3:Put*"), ["s3:Put*"]);
        assert!(mutations_granted("s3:Get*").is_empty());
        assert!(mutations_granted("ecr:BatchGet*").is_empty());
        let items = mutations_granted("dynamodb:*Item");
        assert!(items.contains(&"dynamodb:PutItem".to_string()), "{items:?}");
        assert!(!items.contains(&"dynamodb:GetItem".to_string()));
    }
}
