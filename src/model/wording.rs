//! Messages name fields the way the user's file spells them: rules write API names
//! (`` `readonlyRootFilesystem` ``), a CloudFormation template says `ReadonlyRootFilesystem` and a
//! Terraform plan `network_mode`.

/// Rewrites every name quoted in backticks for which `rename` has another spelling.
pub fn rename_quoted(text: &str, rename: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut parts = text.split('`');
    out.push_str(parts.next().unwrap_or_default());
    let mut pieces = parts.peekable();
    let mut quoted = true;
    while let Some(part) = pieces.next() {
        out.push('`');
        // A trailing unmatched backtick leaves its text as written.
        match rename(part).filter(|_| quoted && pieces.peek().is_some()) {
            Some(renamed) => out.push_str(&renamed),
            None => out.push_str(part),
        }
        quoted = !quoted;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::rename_quoted;

    #[test]
    fn renames_only_quoted_names() {
        let upper = |s: &str| (s == "user").then(|| "User".to_string());
        assert_eq!(rename_quoted("`user` and user", upper), "`User` and user");
        assert_eq!(rename_quoted("a `b` c `user`", upper), "a `b` c `User`");
        assert_eq!(rename_quoted("odd ` count `user", upper), "odd ` count `user");
        assert_eq!(rename_quoted("no backticks", upper), "no backticks");
    }
}
