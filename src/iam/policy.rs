//! Reading IAM policy documents: statements with their canonical pointers, and IAM's wildcard
//! matching for actions and resource ARNs.
//!
//! Grammar: IAM User Guide, "IAM JSON policy element reference",
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html> (checked
//! 2026-11-23). `Statement` is one object or an array; `Action`/`NotAction`,
//! `Resource`/`NotResource` and each `Principal` member are a string or an array of strings.
//! Action names are case-insensitive; `*` matches any run of characters and `?` one character.

use crate::model::join;
use crate::model::known::is_placeholder;
use serde_json::Value;

/// A three-way answer: opaque values and shapes this module does not understand give `Maybe`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    Yes,
    No,
    Maybe,
}

impl Tri {
    /// Both must hold.
    pub fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::No, _) | (_, Tri::No) => Tri::No,
            (Tri::Yes, Tri::Yes) => Tri::Yes,
            _ => Tri::Maybe,
        }
    }

    fn not(self) -> Tri {
        match self {
            Tri::Yes => Tri::No,
            Tri::No => Tri::Yes,
            Tri::Maybe => Tri::Maybe,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
    /// Missing, opaque or misspelt: the statement may be either.
    Unknown,
}

/// One string of a string-or-array element, with its canonical pointer.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub pointer: String,
    /// `None` for an opaque or non-string entry.
    pub text: Option<&'a str>,
}

/// `Action` or `NotAction` (likewise `Resource` or `NotResource`) of a statement.
#[derive(Debug, Clone)]
pub struct Element<'a> {
    /// `NotAction` / `NotResource`.
    pub negated: bool,
    /// Pointer to the element itself.
    pub pointer: String,
    pub items: Vec<Item<'a>>,
    /// The whole element is opaque (an intrinsic that yields the list).
    pub opaque: bool,
}

impl Element<'_> {
    /// Whether `matches` holds for the element (for `Not*`: for none of its entries).
    fn test(&self, matches: impl Fn(&str) -> Tri) -> Tri {
        if self.opaque {
            return Tri::Maybe;
        }
        let mut any = Tri::No;
        for item in &self.items {
            let m = item.text.map_or(Tri::Maybe, &matches);
            any = match (any, m) {
                (Tri::Yes, _) | (_, Tri::Yes) => Tri::Yes,
                (Tri::Maybe, _) | (_, Tri::Maybe) => Tri::Maybe,
                _ => Tri::No,
            };
        }
        if self.negated { any.not() } else { any }
    }

    /// Known entries.
    pub fn known(&self) -> impl Iterator<Item = (&str, &str)> {
        self.items.iter().filter_map(|i| i.text.map(|t| (i.pointer.as_str(), t)))
    }

    /// True when every entry is known.
    pub fn fully_known(&self) -> bool {
        !self.opaque && self.items.iter().all(|i| i.text.is_some())
    }
}

/// One statement of a policy document.
#[derive(Debug, Clone)]
pub struct Statement<'a> {
    pub pointer: String,
    pub value: &'a Value,
    pub effect: Effect,
    pub action: Option<Element<'a>>,
    pub resource: Option<Element<'a>>,
    pub principal: Option<&'a Value>,
    /// Present and not an empty object (an opaque `Condition` counts).
    pub has_condition: bool,
}

impl<'a> Statement<'a> {
    pub fn sid(&self) -> Option<&'a str> {
        self.value.get("Sid").and_then(Value::as_str).filter(|s| !is_placeholder(s))
    }

    /// Does the statement cover `action` (ignoring resource and condition)?
    pub fn covers_action(&self, action: &str) -> Tri {
        self.action.as_ref().map_or(Tri::Maybe, |e| e.test(|p| action_match(p, action)))
    }

    /// Does the statement cover `resource`, under `matcher` (ignoring action and condition)?
    pub fn covers_resource(&self, matcher: &dyn Fn(&str) -> Tri) -> Tri {
        self.resource.as_ref().map_or(Tri::Maybe, |e| e.test(matcher))
    }

    /// The `Resource` entries when it is a plain `Resource` element that includes `"*"`: the pointer of
    /// that entry.
    pub fn any_resource(&self) -> Option<&str> {
        let r = self.resource.as_ref().filter(|r| !r.negated)?;
        r.known().find(|(_, t)| *t == "*").map(|(p, _)| p)
    }

    /// A short way to name the statement in messages: its `Sid`, or its position.
    pub fn display(&self) -> String {
        match self.sid() {
            Some(sid) => format!("statement `{sid}`"),
            None => format!("statement {}", self.pointer.rsplit('/').next().unwrap_or("0")),
        }
    }
}

/// The statements of a policy document found at `pointer`. An opaque or malformed document
/// yields none; callers that need certainty check [`document_known`].
pub fn statements<'a>(document: &'a Value, pointer: &str) -> Vec<Statement<'a>> {
    let at = join(pointer, "Statement");
    match document.get("Statement") {
        Some(Value::Array(items)) => items.iter().enumerate().filter_map(|(i, s)| statement(s, join(&at, i))).collect(),
        Some(s @ Value::Object(_)) => statement(s, at).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// True when every statement of the document could be read (nothing opaque at the document or
/// statement level).
pub fn document_known(document: &Value) -> bool {
    match document.get("Statement") {
        Some(Value::Array(items)) => items.iter().all(Value::is_object),
        Some(Value::Object(_)) => true,
        _ => false,
    }
}

fn statement<'a>(value: &'a Value, pointer: String) -> Option<Statement<'a>> {
    let object = value.as_object()?;
    let effect = match object.get("Effect").and_then(Value::as_str) {
        Some("Allow") => Effect::Allow,
        Some("Deny") => Effect::Deny,
        _ => Effect::Unknown,
    };
    let action = element(value, &pointer, "Action", "NotAction");
    let resource = element(value, &pointer, "Resource", "NotResource");
    let has_condition = match object.get("Condition") {
        None | Some(Value::Null) => false,
        Some(Value::Object(m)) => !m.is_empty(),
        Some(_) => true,
    };
    Some(Statement { effect, action, resource, principal: object.get("Principal"), has_condition, value, pointer })
}

fn element<'a>(statement: &'a Value, pointer: &str, key: &str, not_key: &str) -> Option<Element<'a>> {
    let (negated, key, value) = match (statement.get(key), statement.get(not_key)) {
        (Some(v), None) => (false, key, v),
        (None, Some(v)) => (true, not_key, v),
        _ => return None,
    };
    let pointer = join(pointer, key);
    let (items, opaque) = string_items(value, &pointer);
    Some(Element { negated, pointer, items, opaque })
}

/// The strings of a string-or-array value; `opaque` when the value itself is not one of those.
pub fn string_items<'a>(value: &'a Value, pointer: &str) -> (Vec<Item<'a>>, bool) {
    let text = |v: &'a Value| v.as_str().filter(|s| !is_placeholder(s));
    match value {
        Value::String(_) => (vec![Item { pointer: pointer.to_string(), text: text(value) }], false),
        Value::Array(values) => {
            (values.iter().enumerate().map(|(i, v)| Item { pointer: join(pointer, i), text: text(v) }).collect(), false)
        }
        _ => (Vec::new(), true),
    }
}

/// IAM wildcard matching: `*` any run (also empty), `?` exactly one character.
pub fn glob(pattern: &str, text: &str, ignore_case: bool) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let eq = |a: char, b: char| if ignore_case { a.to_lowercase().eq(b.to_lowercase()) } else { a == b };
    let (mut pi, mut ti) = (0, 0);
    let mut backtrack: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || (p[pi] != '*' && eq(p[pi], t[ti]))) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            backtrack = Some((pi, ti));
            pi += 1;
        } else if let Some((star, start)) = backtrack {
            pi = star + 1;
            ti = start + 1;
            backtrack = Some((star, start + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// Does the action pattern `pattern` (from a policy) cover the concrete `action`?
pub fn action_match(pattern: &str, action: &str) -> Tri {
    if is_placeholder(pattern) {
        return Tri::Maybe;
    }
    if glob(pattern, action, true) { Tri::Yes } else { Tri::No }
}

/// Does the resource pattern `pattern` cover the ARN `resource`? ARNs are compared segment by
/// segment (a wildcard does not cross the colons of the first five); a difference only in case
/// is `Maybe` (some services compare ARNs case-insensitively), and so is anything that is not a
/// six-part ARN.
pub fn resource_match(pattern: &str, resource: &str) -> Tri {
    if is_placeholder(pattern) || is_placeholder(resource) {
        return Tri::Maybe;
    }
    if pattern == "*" {
        return Tri::Yes;
    }
    let p: Vec<&str> = pattern.splitn(6, ':').collect();
    let r: Vec<&str> = resource.splitn(6, ':').collect();
    if p.len() != 6 || r.len() != 6 {
        return if glob(pattern, resource, false) { Tri::Yes } else { Tri::Maybe };
    }
    let mut answer = Tri::Yes;
    for (a, b) in p.iter().zip(&r) {
        if !glob(a, b, false) {
            answer = if glob(a, b, true) { Tri::Maybe } else { return Tri::No };
        }
    }
    answer
}

/// One principal: kind (`*`, `AWS`, `Service` …), value (`None` when opaque), pointer.
pub type Principal<'a> = (&'a str, Option<&'a str>, String);

/// The principals of a statement, as `(kind, value, pointer)`: kind is `*` for `"Principal": "*"`,
/// else `AWS`, `Service`, `Federated` or `CanonicalUser`. `None` entries are opaque.
pub fn principals<'a>(statement: &Statement<'a>) -> (Vec<Principal<'a>>, bool) {
    let at = join(&statement.pointer, "Principal");
    let mut out = Vec::new();
    let mut opaque = false;
    match statement.principal {
        Some(Value::String(s)) if s == "*" => out.push(("*", Some("*"), at)),
        Some(Value::Object(map)) => {
            for (kind, value) in map {
                let (items, whole_opaque) = string_items(value, &join(&at, kind));
                opaque |= whole_opaque;
                out.extend(items.into_iter().map(|i| (kind.as_str(), i.text, i.pointer)));
            }
        }
        _ => opaque = true,
    }
    (out, opaque)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn glob_follows_iam_wildcards() {
        assert!(glob("s3:Get*", "s3:GetObject", false));
        assert!(glob("*", "", false));
        assert!(glob("s3:?etObject", "s3:GetObject", false));
        assert!(!glob("s3:?etObject", "s3:etObject", false));
        assert!(glob("a*b*c", "axxbyyc", false));
        assert!(!glob("a*b*c", "axxbyy", false));
        assert!(glob("S3:GETOBJECT", "s3:GetObject", true));
        assert!(!glob("S3:GETOBJECT", "s3:GetObject", false));
    }

    #[test]
    fn actions_match_case_insensitively() {
        assert_eq!(action_match("IAM:passrole", "iam:PassRole"), Tri::Yes);
        assert_eq!(action_match("iam:*", "iam:PassRole"), Tri::Yes);
        assert_eq!(action_match("iam:Pass*", "iam:PassRole"), Tri::Yes);
        assert_eq!(action_match("iam:Get*", "iam:PassRole"), Tri::No);
        assert_eq!(action_match("${Action}", "iam:PassRole"), Tri::Maybe);
    }

    #[test]
    fn resources_match_segment_by_segment() {
        let secret = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf";
        assert_eq!(resource_match("*", secret), Tri::Yes);
        assert_eq!(resource_match("arn:aws:secretsmanager:*:*:secret:db-*", secret), Tri::Yes);
        assert_eq!(resource_match("arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-*", secret), Tri::No);
        assert_eq!(resource_match("arn:aws:secretsmanager:eu-west-1:123456789012:secret:DB-*", secret), Tri::Maybe);
        // A wildcard in the region segment does not swallow the account.
        assert_eq!(resource_match("arn:aws:secretsmanager:*:secret:db-AbCdEf", secret), Tri::No);
        // Not a six-part ARN: a whole-string match, else unknown.
        assert_eq!(resource_match("arn:aws:secretsmanager:*", secret), Tri::Yes);
        assert_eq!(resource_match("arn:aws:ssm", secret), Tri::Maybe);
        assert_eq!(resource_match("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/app/.env"), Tri::Yes);
        assert_eq!(resource_match("arn:aws:s3:::${Bucket}/*", "arn:aws:s3:::b/app.env"), Tri::Maybe);
    }

    #[test]
    fn reads_statement_object_or_array_with_pointers() {
        let one = json!({"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}});
        let s = statements(&one, "/policies/0/policyDocument");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].pointer, "/policies/0/policyDocument/Statement");
        assert_eq!(s[0].action.as_ref().unwrap().items[0].pointer, "/policies/0/policyDocument/Statement/Action");
        assert_eq!(s[0].any_resource(), Some("/policies/0/policyDocument/Statement/Resource"));
        let many = json!({"Statement": [
            {"Effect": "Deny", "NotAction": ["iam:*", "${X}"], "NotResource": "arn:aws:s3:::b", "Condition": {}},
            {"Effect": "Allow", "Action": "*", "Resource": ["a", "*"], "Condition": {"Bool": {"aws:SecureTransport": "true"}}}
        ]});
        let s = statements(&many, "");
        assert_eq!(s[0].effect, Effect::Deny);
        assert!(s[0].action.as_ref().unwrap().negated);
        assert!(!s[0].action.as_ref().unwrap().fully_known());
        assert!(!s[0].has_condition);
        assert_eq!(s[1].any_resource(), Some("/Statement/1/Resource/1"));
        assert!(s[1].has_condition);
    }

    #[test]
    fn not_action_inverts_and_opaque_entries_stay_maybe() {
        let doc = json!({"Statement": [
            {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"},
            {"Effect": "Allow", "Action": ["${A}", "s3:GetObject"], "Resource": "*"}
        ]});
        let s = statements(&doc, "");
        assert_eq!(s[0].covers_action("iam:PassRole"), Tri::No);
        assert_eq!(s[0].covers_action("s3:PutObject"), Tri::Yes);
        assert_eq!(s[1].covers_action("s3:GetObject"), Tri::Yes);
        assert_eq!(s[1].covers_action("s3:PutObject"), Tri::Maybe);
    }

    #[test]
    fn odd_documents_do_not_panic() {
        for doc in [json!(null), json!("${Doc}"), json!({"Statement": 3}), json!({"Statement": [1, "x"]})] {
            let _ = statements(&doc, "");
            assert!(!document_known(&doc) || doc.get("Statement").is_some_and(|s| s.is_object()));
        }
    }
}
