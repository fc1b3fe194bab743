//! CloudFormation intrinsic functions. Their values are known only at deploy time, so they become
//! opaque placeholder strings (`${Ref:Subnet}`) that no rule or schema check reports, with the
//! careful exceptions the normaliser handles: `AWS::NoValue`, parameter defaults, `Fn::If` whose
//! branches agree, and `Fn::Sub` strings without variables.

use crate::input::json::{Node, NodeKind};

/// An intrinsic function call: the single-member object `{"Ref": …}`, `{"Condition": …}` or
/// `{"Fn::…": …}` (YAML short forms arrive here already in this long form).
pub fn call(node: &Node) -> Option<(&str, &Node)> {
    let NodeKind::Object(members) = &node.kind else { return None };
    let [member] = members.as_slice() else { return None };
    let name = member.key.as_str();
    (name == "Ref" || name == "Condition" || name.starts_with("Fn::")).then_some((name, &member.value))
}

/// The logical ID and attribute of `Fn::GetAtt` (`[A, B]` or `"A.B"`).
pub fn get_att(argument: &Node) -> Option<(&str, &str)> {
    match &argument.kind {
        NodeKind::String(s) => s.split_once('.'),
        NodeKind::Array(items) => match items.as_slice() {
            [a, b] => Some((a.as_str()?, b.as_str()?)),
            _ => None,
        },
        _ => None,
    }
}

/// Pseudo parameters whose value does not depend on the deployment for what the rules read.
/// `AWS::Partition` is `aws` outside China and GovCloud; managed-policy ARNs and image URIs the
/// rules recognise are the same in every partition.
const STABLE_PSEUDO: [(&str, &str); 2] = [("${AWS::Partition}", "aws"), ("${AWS::URLSuffix}", "amazonaws.com")];

/// A `Fn::Sub` string with its stable pseudo parameters substituted; other `${…}` variables stay,
/// which keeps the string opaque.
pub fn substitute(template: &str) -> String {
    STABLE_PSEUDO.iter().fold(template.to_string(), |s, (var, value)| s.replace(var, value))
}

/// The placeholder for an intrinsic the linter cannot evaluate. Equal calls give equal strings,
/// so two fields naming the same role still compare equal.
pub fn placeholder(name: &str, argument: &Node) -> String {
    let short = name.strip_prefix("Fn::").unwrap_or(name);
    match (name, &argument.kind) {
        ("Ref", NodeKind::String(target)) => format!("${{Ref:{target}}}"),
        ("Fn::GetAtt", _) => match get_att(argument) {
            Some((id, attribute)) => format!("${{GetAtt:{id}.{attribute}}}"),
            None => format!("${{{short}}}"),
        },
        ("Fn::If", NodeKind::Array(items)) => {
            format!("${{If:{}}}", items.first().and_then(Node::as_str).unwrap_or_default())
        }
        _ => format!("${{{short}}}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{call, get_att, placeholder, substitute};
    use crate::input::json::parse;
    use crate::model::known::is_placeholder;

    fn node(text: &str) -> crate::input::json::Node {
        parse(text, 0).unwrap().root
    }

    #[test]
    fn recognises_calls_and_makes_stable_placeholders() {
        let get_att_call = node(r#"{"Fn::GetAtt": ["Role", "Arn"]}"#);
        let (name, argument) = call(&get_att_call).unwrap();
        assert_eq!(get_att(argument), Some(("Role", "Arn")));
        assert_eq!(placeholder(name, argument), "${GetAtt:Role.Arn}");
        assert_eq!(get_att(&node(r#""Role.Arn""#)), Some(("Role", "Arn")));
        let reference = node(r#"{"Ref": "Subnet"}"#);
        let (name, argument) = call(&reference).unwrap();
        assert_eq!(placeholder(name, argument), "${Ref:Subnet}");
        assert!(is_placeholder(&placeholder(name, argument)));
        assert!(call(&node(r#"{"Ref": "A", "Other": 1}"#)).is_none());
        assert!(call(&node(r#"{"Name": "A"}"#)).is_none());
    }

    #[test]
    fn substitutes_only_stable_pseudo_parameters() {
        assert_eq!(
            substitute("arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess"),
            "arn:aws:iam::aws:policy/AdministratorAccess"
        );
        assert_eq!(substitute("${AWS::AccountId}.dkr.ecr"), "${AWS::AccountId}.dkr.ecr");
    }
}
