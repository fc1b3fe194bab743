//! AWS managed policies that matter to ECS task and execution roles.
//!
//! Sources (checked 2026-11-23): the AWS Managed Policy Reference Guide,
//! <https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html>, one page per
//! policy (for example
//! <https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html>), and
//! the ECS Developer Guide, "Amazon ECS task execution IAM role",
//! <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html>.
//!
//! Only the statements that matter are kept, with `complete` saying whether they are the whole
//! policy: an incomplete entry may show that something is allowed but never that it is not.

use serde_json::Value;
use std::sync::LazyLock;

/// How much a managed policy grants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breadth {
    /// Every action on every resource.
    Admin,
    /// Full control of a service or of IAM: close to admin for what the role can reach.
    NearAdmin,
    /// Narrow (the ECS task execution policy).
    Narrow,
}

#[derive(Debug)]
pub struct ManagedPolicy {
    /// The ARN's resource after `policy/` (`service-role/AmazonECSTaskExecutionRolePolicy`).
    pub path_name: &'static str,
    pub breadth: Breadth,
    /// What it grants, in a reviewer's words.
    pub grants: &'static str,
    /// Policy document (JSON) of the statements that matter.
    pub document: Option<&'static str>,
    /// `document` is the whole policy.
    pub complete: bool,
}

impl ManagedPolicy {
    /// The short name (`AmazonECSTaskExecutionRolePolicy`).
    pub fn name(&self) -> &'static str {
        self.path_name.rsplit('/').next().unwrap_or(self.path_name)
    }

    /// The parsed document, when known.
    pub fn statements(&self) -> Option<&'static Value> {
        let index = POLICIES.iter().position(|p| std::ptr::eq(p, self))?;
        PARSED[index].as_ref()
    }
}

pub const ECS_TASK_EXECUTION_ROLE_POLICY: &str = "service-role/AmazonECSTaskExecutionRolePolicy";

pub const POLICIES: &[ManagedPolicy] = &[
    ManagedPolicy {
        path_name: "AdministratorAccess",
        breadth: Breadth::Admin,
        grants: "every action on every resource of the account",
        document: Some(r#"{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#),
        complete: true,
    },
    ManagedPolicy {
        path_name: "PowerUserAccess",
        breadth: Breadth::NearAdmin,
        grants: "every action outside IAM, AWS Organizations and account management, on every resource",
        document: None,
        complete: false,
    },
    ManagedPolicy {
        path_name: "IAMFullAccess",
        breadth: Breadth::NearAdmin,
        grants: "every IAM action, so the role can grant itself any permission",
        document: Some(r#"{"Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}"#),
        complete: false,
    },
    ManagedPolicy {
        path_name: "AmazonECS_FullAccess",
        breadth: Breadth::NearAdmin,
        grants: "full control of ECS plus the load balancers, Auto Scaling, CloudFormation stacks and roles it \
                 uses",
        document: None,
        complete: false,
    },
    ManagedPolicy {
        path_name: "AmazonS3FullAccess",
        breadth: Breadth::NearAdmin,
        grants: "every S3 action on every bucket of the account (read, overwrite and delete any object, change \
                 bucket policies)",
        document: Some(r#"{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}"#),
        complete: false,
    },
    ManagedPolicy {
        path_name: "SecretsManagerReadWrite",
        breadth: Breadth::NearAdmin,
        grants: "reading, changing and deleting every secret in the account",
        document: Some(r#"{"Statement": [{"Effect": "Allow", "Action": "secretsmanager:*", "Resource": "*"}]}"#),
        complete: false,
    },
    ManagedPolicy {
        path_name: "AmazonSSMFullAccess",
        breadth: Breadth::NearAdmin,
        grants: "every Systems Manager action, including reading every parameter and running commands on every \
                 managed instance",
        document: Some(r#"{"Statement": [{"Effect": "Allow", "Action": "ssm:*", "Resource": "*"}]}"#),
        complete: false,
    },
    ManagedPolicy {
        path_name: "AmazonEC2FullAccess",
        breadth: Breadth::NearAdmin,
        grants: "every EC2 action (and Elastic Load Balancing, Auto Scaling, CloudWatch) on every resource",
        document: Some(r#"{"Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]}"#),
        complete: false,
    },
    ManagedPolicy {
        path_name: "AmazonDynamoDBFullAccess",
        breadth: Breadth::NearAdmin,
        grants: "every DynamoDB action on every table of the account",
        document: Some(r#"{"Statement": [{"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}]}"#),
        complete: false,
    },
    ManagedPolicy {
        path_name: "AmazonSQSFullAccess",
        breadth: Breadth::NearAdmin,
        grants: "every SQS action on every queue of the account",
        document: Some(r#"{"Statement": [{"Effect": "Allow", "Action": "sqs:*", "Resource": "*"}]}"#),
        complete: false,
    },
    ManagedPolicy {
        path_name: "AmazonSNSFullAccess",
        breadth: Breadth::NearAdmin,
        grants: "every SNS action on every topic of the account",
        document: Some(r#"{"Statement": [{"Effect": "Allow", "Action": "sns:*", "Resource": "*"}]}"#),
        complete: false,
    },
    ManagedPolicy {
        path_name: "AWSLambda_FullAccess",
        breadth: Breadth::NearAdmin,
        grants: "every Lambda action on every function, and passing roles to Lambda",
        document: Some(r#"{"Statement": [{"Effect": "Allow", "Action": "lambda:*", "Resource": "*"}]}"#),
        complete: false,
    },
    ManagedPolicy {
        path_name: ECS_TASK_EXECUTION_ROLE_POLICY,
        breadth: Breadth::Narrow,
        grants: "pulling images from ECR and writing awslogs logs",
        document: Some(
            r#"{"Statement": [{"Effect": "Allow", "Action": ["ecr:GetAuthorizationToken",
            "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage",
            "logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "*"}]}"#,
        ),
        complete: true,
    },
];

static PARSED: LazyLock<Vec<Option<Value>>> =
    LazyLock::new(|| POLICIES.iter().map(|p| p.document.and_then(|d| serde_json::from_str(d).ok())).collect());

/// The AWS managed policy an ARN names (`arn:<partition>:iam::aws:policy/<path><name>`), if this
/// table knows it.
pub fn lookup(arn: &str) -> Option<&'static ManagedPolicy> {
    let parts = crate::data::arn::parse(arn)?;
    if parts.service != "iam" || parts.account != "aws" || !parts.region.is_empty() {
        return None;
    }
    let path_name = parts.resource.strip_prefix("policy/")?;
    POLICIES.iter().find(|p| p.path_name == path_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_arns_in_every_partition() {
        assert_eq!(lookup("arn:aws:iam::aws:policy/AdministratorAccess").unwrap().breadth, Breadth::Admin);
        assert_eq!(lookup("arn:aws-cn:iam::aws:policy/AdministratorAccess").unwrap().breadth, Breadth::Admin);
        let exec = lookup("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy").unwrap();
        assert_eq!(exec.name(), "AmazonECSTaskExecutionRolePolicy");
        assert!(exec.statements().is_some());
        assert!(lookup("arn:aws:iam::123456789012:policy/AdministratorAccess").is_none());
        assert!(lookup("arn:aws:iam::aws:policy/ReadOnlyAccess").is_none());
        assert!(lookup("AdministratorAccess").is_none());
    }

    #[test]
    fn every_document_parses() {
        for (p, parsed) in POLICIES.iter().zip(PARSED.iter()) {
            assert_eq!(p.document.is_some(), parsed.is_some(), "{}", p.path_name);
            assert!(!p.complete || p.document.is_some());
        }
    }
}
