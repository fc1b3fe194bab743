//! Resolved settings for one run.

use crate::rule::Severity;

#[derive(Debug, Clone)]
pub struct Settings {
    /// Exit 1 when a finding at or above this severity remains.
    pub fail_on: Severity,
    /// Files larger than this are reported, not parsed.
    pub max_file_size: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Self { fail_on: Severity::Error, max_file_size: 32 * 1024 * 1024 }
    }
}
