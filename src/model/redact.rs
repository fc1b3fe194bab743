//! Secrets found in a file are never echoed in full: messages show a recognisable stub.

/// `AKIA…` (20 characters): at most four leading characters of a long secret, none of a short one.
pub fn redact(secret: &str) -> String {
    let count = secret.chars().count();
    if count >= 16 {
        format!("{}… ({count} characters, redacted)", secret.chars().take(4).collect::<String>())
    } else {
        format!("({count} characters, redacted)")
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn never_shows_more_than_four_characters() {
        assert_eq!(redact("AKIAIOSFODNN7EXAMPLE"), "AKIA… (20 characters, redacted)");
        assert_eq!(redact("hunter2"), "(7 characters, redacted)");
    }
}
