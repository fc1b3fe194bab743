//! ARN grammar and AWS partitions, for rules that check role and secret references.
//!
//! An ARN is `arn:<partition>:<service>:<region>:<account-id>:<resource>`; the resource may hold
//! more colons. Partitions and their Region prefixes: IAM User Guide, "IAM identifiers" and
//! "ARN format", <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html>, and the
//! AWS General Reference, "AWS Regions",
//! <https://docs.aws.amazon.com/general/latest/gr/rande.html>. Checked: 2026-11-23.
//! Only the three public partitions are checked closely; other `aws-*` partitions (ISO, sovereign
//! clouds) are accepted as long as the ARN has the right shape.

use regex::Regex;
use std::sync::LazyLock;

/// A public partition and the prefix every Region name in it starts with.
#[derive(Debug)]
pub struct Partition {
    pub name: &'static str,
    /// Region prefixes of this partition; `None` for the commercial partition, whose Regions are
    /// every Region not claimed by another partition.
    pub region_prefix: Option<&'static str>,
}

pub const PARTITIONS: [Partition; 3] = [
    Partition { name: "aws", region_prefix: None },
    Partition { name: "aws-cn", region_prefix: Some("cn-") },
    Partition { name: "aws-us-gov", region_prefix: Some("us-gov-") },
];

/// Region prefixes that belong to partitions other than `aws` (public and isolated ones).
const NON_COMMERCIAL_REGION_PREFIXES: [&str; 4] = ["cn-", "us-gov-", "us-iso", "eusc-"];

/// `us-east-1`, `ap-southeast-7`, `us-gov-west-1`, `eusc-de-east-1`.
static REGION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z]{2,4}(?:-[a-z]+)+-[0-9]{1,2}$").expect("valid regex"));

/// The parts of an ARN as written. Nothing is validated except that six parts exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arn<'a> {
    pub partition: &'a str,
    pub service: &'a str,
    pub region: &'a str,
    pub account: &'a str,
    pub resource: &'a str,
}

/// Splits `arn:<partition>:<service>:<region>:<account>:<resource>`; `None` when `text` does not
/// start with `arn:` or has fewer than six parts.
pub fn parse(text: &str) -> Option<Arn<'_>> {
    let mut parts = text.splitn(6, ':');
    if parts.next()? != "arn" {
        return None;
    }
    Some(Arn {
        partition: parts.next()?,
        service: parts.next()?,
        region: parts.next()?,
        account: parts.next()?,
        resource: parts.next()?,
    })
}

/// An AWS account ID: exactly 12 digits.
pub fn is_account_id(text: &str) -> bool {
    text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit())
}

/// A partition AWS could have: `aws` or `aws-<something>`.
pub fn is_partition(text: &str) -> bool {
    text == "aws"
        || text
            .strip_prefix("aws-")
            .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
}

/// Written like a Region name (`eu-west-1`); says nothing about whether the Region exists.
pub fn is_region_shaped(text: &str) -> bool {
    REGION.is_match(text)
}

/// Why `region` cannot be in `partition`, for the three public partitions; `None` when it can
/// (or when the partition is one this table does not know).
pub fn region_partition_mismatch(partition: &str, region: &str) -> Option<String> {
    let known = PARTITIONS.iter().find(|p| p.name == partition)?;
    match known.region_prefix {
        Some(prefix) if !region.starts_with(prefix) => {
            Some(format!("partition `{partition}` only has Regions starting with `{prefix}`"))
        }
        None if NON_COMMERCIAL_REGION_PREFIXES.iter().any(|p| region.starts_with(p)) => {
            let owner = PARTITIONS
                .iter()
                .find(|p| p.region_prefix.is_some_and(|prefix| region.starts_with(prefix)))
                .map_or("another partition", |p| p.name);
            Some(format!("Region `{region}` belongs to `{owner}`, not to `aws`"))
        }
        _ => None,
    }
}

/// A documentation stand-in written where an account ID or Region belongs and replaced before
/// use: `XXXXXXXXXXXX`, `aws_account_id`, `<account-id>` (already opaque), `region`. Rules treat
/// such a part as unknown rather than wrong.
pub fn is_stand_in(part: &str) -> bool {
    let lower = part.to_ascii_lowercase();
    (!part.is_empty() && part.bytes().all(|b| b == b'x' || b == b'X'))
        || lower.contains("account")
        || lower.contains("acct")
        || lower.contains("region")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_six_parts() {
        let arn = parse("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:password::").unwrap();
        assert_eq!(arn.service, "secretsmanager");
        assert_eq!(arn.resource, "secret:db-AbCdEf:password::");
        assert_eq!(parse("arn:aws:iam::123456789012:role/x").unwrap().region, "");
        assert!(parse("arn:aws:ssm:eu-west-1").is_none());
        assert!(parse("/my/param").is_none());
    }

    #[test]
    fn partitions_and_regions() {
        assert!(is_partition("aws") && is_partition("aws-cn") && is_partition("aws-iso-b"));
        assert!(!is_partition("") && !is_partition("amazon") && !is_partition("aws-"));
        for region in ["us-east-1", "ap-southeast-7", "us-gov-west-1", "cn-northwest-1", "eusc-de-east-1"] {
            assert!(is_region_shaped(region), "{region}");
        }
        for region in ["", "us-east", "US-EAST-1", "useast1", "region"] {
            assert!(!is_region_shaped(region), "{region}");
        }
        assert!(region_partition_mismatch("aws", "eu-west-1").is_none());
        assert!(region_partition_mismatch("aws", "cn-north-1").is_some());
        assert!(region_partition_mismatch("aws-cn", "eu-west-1").is_some());
        assert!(region_partition_mismatch("aws-us-gov", "us-gov-east-1").is_none());
        assert!(region_partition_mismatch("aws-iso", "us-iso-east-1").is_none());
    }

    #[test]
    fn recognises_documentation_stand_ins() {
        for part in ["XXXXXXXXXXXX", "xxxxxxxxxx", "aws_account_id", "ACCOUNT_ID", "region", "YOUR_REGION"] {
            assert!(is_stand_in(part), "{part}");
        }
        for part in ["123456789012", "11111111111", "eu-west-1", ""] {
            assert!(!is_stand_in(part), "{part}");
        }
    }
}
