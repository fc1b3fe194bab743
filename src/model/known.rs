//! Values the linter cannot know. A string holding a template placeholder (`${IMAGE}`, `{{tag}}`,
//! `$VAR`, `<account-id>`) is *opaque*: no schema error and no rule fires on it.

use serde_json::Value;

/// True when `s` contains a template placeholder that a render step will replace.
pub fn is_placeholder(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| match c {
        // ${VAR}, $VAR, $(cmd)
        b'$' => matches!(b.get(i + 1), Some(b'{' | b'(' | b'A'..=b'Z' | b'a'..=b'z' | b'_')),
        // {{ var }} (Jinja, Go templates, Mustache)
        b'{' => b.get(i + 1) == Some(&b'{') && s[i..].contains("}}"),
        // <account-id>, <IMAGE_TAG>
        b'<' => is_angle_placeholder(&b[i + 1..]),
        _ => false,
    })
}

fn is_angle_placeholder(rest: &[u8]) -> bool {
    let len = rest.iter().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.')).count();
    len > 0 && rest.get(len) == Some(&b'>')
}

/// True when the value is opaque (a placeholder string).
pub fn is_opaque(value: &Value) -> bool {
    matches!(value, Value::String(s) if is_placeholder(s))
}

/// A known string: present, a string, and not a placeholder.
pub fn known_str(value: Option<&Value>) -> Option<&str> {
    match value? {
        Value::String(s) if !is_placeholder(s) => Some(s),
        _ => None,
    }
}

/// A known integer. Numeric strings count only where AWS converts them (task cpu/memory), so not here.
pub fn known_i64(value: Option<&Value>) -> Option<i64> {
    value?.as_i64()
}

pub fn known_bool(value: Option<&Value>) -> Option<bool> {
    value?.as_bool()
}

/// Present and not `null` (opaque values count as present).
pub fn is_present(value: Option<&Value>) -> bool {
    !matches!(value, None | Some(Value::Null))
}

#[cfg(test)]
mod tests {
    use super::is_placeholder;

    #[test]
    fn recognises_placeholders() {
        for s in ["${IMAGE}", "repo:{{ tag }}", "$IMAGE_TAG", "arn:aws:iam::<account-id>:role/x", "$(cat f)"] {
            assert!(is_placeholder(s), "{s}");
        }
        for s in ["nginx:1.25", "CMD-SHELL", "curl -f http://localhost/ || exit 1", "a < b > c", "cost $5", "{}"] {
            assert!(!is_placeholder(s), "{s}");
        }
    }
}
