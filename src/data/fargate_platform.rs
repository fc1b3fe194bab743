//! Fargate platform versions a service can name in `platformVersion`.
//!
//! Sources (checked 2026-11-23):
//! - Linux: <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html>
//!   ("The LATEST Linux platform version is 1.4.0"; earlier versions 1.0.0–1.3.0).
//! - Windows: <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-windows-fargate.html>
//!   ("The LATEST Windows platform version is 1.0.0").
//! - Deprecation: <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-versions-retired.html>
//!   (1.3.0 retired on 2026-03-16: no new tasks or services can be launched on it).
//!
//! Versions above the latest listed here may have been released after the date above, so rules
//! treat them as unknown rather than wrong.

/// `major.minor.patch`
pub type Version = (u32, u32, u32);

pub const LINUX_SOURCE: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html";
pub const WINDOWS_SOURCE: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-windows-fargate.html";
pub const RETIRED_SOURCE: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-versions-retired.html";

/// Linux platform versions, oldest first; the last one is the latest.
pub static LINUX: &[Version] = &[(1, 0, 0), (1, 1, 0), (1, 2, 0), (1, 3, 0), (1, 4, 0)];

/// Windows platform versions, oldest first; the last one is the latest.
pub static WINDOWS: &[Version] = &[(1, 0, 0)];

/// The newest Linux version AWS has retired (no new tasks or services since 2026-03-16).
pub const LINUX_NEWEST_RETIRED: Version = (1, 3, 0);

/// The versions of one operating system family.
pub fn versions(windows: bool) -> &'static [Version] {
    if windows { WINDOWS } else { LINUX }
}

/// The latest version of one operating system family.
pub fn latest(windows: bool) -> Version {
    versions(windows).last().copied().unwrap_or((1, 0, 0))
}

/// `LATEST` in any letter case.
pub fn is_latest(text: &str) -> bool {
    text.eq_ignore_ascii_case("LATEST")
}

/// Parses `1.4.0` (exactly three dot-separated decimal numbers).
pub fn parse(text: &str) -> Option<Version> {
    let mut parts = text.split('.');
    let mut number = || -> Option<u32> {
        let part = parts.next()?;
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let version = (number()?, number()?, number()?);
    parts.next().is_none().then_some(version)
}

/// `1.4.0`
pub fn display(version: Version) -> String {
    format!("{}.{}.{}", version.0, version.1, version.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_full_versions_only() {
        assert_eq!(parse("1.4.0"), Some((1, 4, 0)));
        assert_eq!(parse("10.20.30"), Some((10, 20, 30)));
        for bad in ["1.4", "1.4.0.1", "v1.4.0", "1..0", "", "1.4.x", "+1.4.0", "99999999999.0.0"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        assert_eq!(latest(false), (1, 4, 0));
        assert_eq!(latest(true), (1, 0, 0));
        assert!(is_latest("LATEST") && is_latest("latest") && !is_latest("LATEST "));
        assert_eq!(display((1, 3, 0)), "1.3.0");
    }
}
