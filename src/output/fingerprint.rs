//! Stable fingerprints for CI systems that track findings across runs (SARIF
//! `partialFingerprints`, GitLab `fingerprint`): rule, file and location in the document, never
//! line numbers, so edits elsewhere in the file do not make a finding look new.

use crate::diagnostic::Diagnostic;

/// FNV-1a, 64 bits: small, and stable across Rust releases (unlike `DefaultHasher`).
pub(crate) fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0x1f]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// `rule|file|pointer|message` hashed to 16 hex digits.
pub fn of(d: &Diagnostic) -> String {
    format!("{:016x}", fnv1a(&[d.rule.code, &d.file, &d.pointer, &d.message]))
}
