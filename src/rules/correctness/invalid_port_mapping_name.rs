//! Service Connect and VPC Lattice find a port mapping by its `name`, which AWS limits to 64
//! lowercase letters, digits, `_` and `-`, not starting with `-`.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{TaskDefinition, join};
use crate::rule::{Rule, Severity};
use std::collections::HashMap;

declare_rule! {
    pub struct InvalidPortMappingName {
        code: "ECS-COR-031",
        name: "invalid-port-mapping-name",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a port mapping name AWS does not accept or uses twice",
    }
}

/// `PortMapping.name`: "The name can include up to 64 characters. The characters can include
/// lowercase letters, numbers, underscores (_), and hyphens (-). The name can't start with a
/// hyphen." https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html
/// (checked 2026-11-23).
const MAX_LEN: usize = 64;

fn allowed(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-'
}

impl Rule for InvalidPortMappingName {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // First use of each valid name: (pointer, container index, container display).
        let mut seen: HashMap<&str, (String, usize, String)> = HashMap::new();
        for container in task.containers() {
            let mappings = container.at("portMappings");
            for (i, mapping) in container.array("portMappings").iter().enumerate() {
                // An empty name is not documented as invalid; a placeholder is unknown.
                let Some(name) = known_str(mapping.get("name")).filter(|n| !n.is_empty()) else {
                    continue;
                };
                let at = join(&join(&mappings, i), "name");
                let who = container.display();
                if let Some(problem) = problem(name) {
                    let suggestion = suggest(name);
                    cx.report(self, at)
                        .message(format!(
                            "port mapping name `{}` of container {who} {problem}; AWS allows up to {MAX_LEN} \
                             lowercase letters, digits, `_` and `-`, not starting with `-`",
                            name.escape_debug()
                        ))
                        .label("not a valid port mapping name")
                        .help(if suggestion.is_empty() {
                            "use lowercase letters, digits, `_` and `-`, e.g. \"http\"".to_string()
                        } else {
                            format!(
                                "rename it, e.g. \"{suggestion}\", and update any Service Connect or VPC Lattice \
                                 configuration that names it"
                            )
                        })
                        .emit();
                    continue;
                }
                match seen.get(name) {
                    None => {
                        seen.insert(name, (at, container.index(), who));
                    }
                    Some((first, first_index, first_who)) => {
                        let what = if *first_index == container.index() {
                            format!("port mapping name `{name}` is used twice in container {who}")
                        } else {
                            format!(
                                "port mapping name `{name}` of container {who} is already used by container {first_who}"
                            )
                        };
                        cx.report(self, at)
                            .severity(Severity::Warning)
                            .message(format!(
                                "{what}; Service Connect and VPC Lattice pick a port mapping by its name, so a \
                                 name should belong to one mapping"
                            ))
                            .label("duplicate name")
                            .related(first.clone(), "first used here")
                            .help(format!("give each port mapping its own name, e.g. \"{name}-2\""))
                            .emit();
                    }
                }
            }
        }
    }
}

/// What is wrong with a name, if anything.
fn problem(name: &str) -> Option<String> {
    if let Some(bad) = name.chars().find(|&c| !allowed(c)) {
        return Some(if bad.is_ascii_uppercase() {
            "has upper-case letters".to_string()
        } else {
            format!("contains {}", describe(bad))
        });
    }
    if name.starts_with('-') {
        return Some("starts with `-`".to_string());
    }
    // All ASCII from here, so bytes are characters.
    if name.len() > MAX_LEN {
        return Some(format!("is {} characters long", name.len()));
    }
    None
}

/// A valid name close to `name`, or empty when nothing is left of it.
fn suggest(name: &str) -> String {
    let mapped: String =
        name.chars().map(|c| c.to_ascii_lowercase()).map(|c| if allowed(c) { c } else { '-' }).collect();
    let trimmed = mapped.trim_start_matches('-');
    trimmed.chars().take(MAX_LEN).collect()
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".to_string(),
        c if c.is_control() || c.is_whitespace() => format!("the character U+{:04X}", u32::from(c)),
        c => format!("`{c}`"),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-COR-031";

    fn td(mappings: &str) -> String {
        format!(
            r#"{{"family": "web", "networkMode": "awsvpc",
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256,
                                         "portMappings": {mappings}}}]}}"#
        )
    }

    #[test]
    fn fires_on_invalid_names() {
        let messages = assert_fires(CODE, 1, &td(r#"[{"containerPort": 80, "name": "HTTP"}]"#));
        assert!(messages[0].contains("port mapping name `HTTP` of container `app` has upper-case letters"));
        let messages = assert_fires(CODE, 1, &td(r#"[{"containerPort": 80, "name": "-http"}]"#));
        assert!(messages[0].contains("starts with `-`"));
        assert_fires(CODE, 1, &td(r#"[{"containerPort": 80, "name": "web.http"}]"#));
        assert_fires(CODE, 1, &td(r#"[{"containerPort": 80, "name": "web http"}]"#));
        assert_fires(CODE, 1, &td(r#"[{"containerPort": 80, "name": "café"}]"#));
        let long = "a".repeat(65);
        let messages = assert_fires(CODE, 1, &td(&format!(r#"[{{"containerPort": 80, "name": "{long}"}}]"#)));
        assert!(messages[0].contains("65 characters"));
    }

    #[test]
    fn suggests_a_valid_name() {
        let found = findings(CODE, &td(r#"[{"containerPort": 80, "name": "Web.HTTP"}]"#));
        assert!(found[0].help.as_deref().unwrap_or_default().contains("\"web-http\""));
    }

    #[test]
    fn warns_on_names_used_twice() {
        let json = r#"{"family": "web", "networkMode": "awsvpc", "containerDefinitions": [
            {"name": "a", "image": "nginx", "portMappings": [{"containerPort": 80, "name": "http"}]},
            {"name": "b", "image": "nginx", "portMappings": [{"containerPort": 81, "name": "http"}]}]}"#;
        let found = findings(CODE, json);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, crate::rule::Severity::Warning);
        assert!(found[0].message.contains("`http` of container `b` is already used by container `a`"));
        let messages = assert_fires(
            CODE,
            1,
            &td(r#"[{"containerPort": 80, "name": "http"}, {"containerPort": 81, "name": "http"}]"#),
        );
        assert!(messages[0].contains("is used twice in container `app`"));
    }

    #[test]
    fn accepts_valid_empty_and_unknown_names() {
        assert_clean(
            CODE,
            &td(r#"[{"containerPort": 80, "name": "app-80-tcp"}, {"containerPort": 81, "name": "_x9"}]"#),
        );
        assert_clean(CODE, &td(&format!(r#"[{{"containerPort": 80, "name": "{}"}}]"#, "a".repeat(64))));
        assert_clean(CODE, &td(r#"[{"containerPort": 80, "name": ""}, {"containerPort": 81, "name": ""}]"#));
        assert_clean(CODE, &td(r#"[{"containerPort": 80, "name": "${PORT_NAME}"}]"#));
        assert_clean(CODE, &td(r#"[{"containerPort": 80, "name": 80}, {"containerPort": 80}]"#));
        assert_clean(CODE, &td(r#"{"name": "HTTP"}"#));
    }

    #[test]
    fn applies_to_bare_container_arrays() {
        assert_fires(
            CODE,
            1,
            r#"[{"name": "a", "image": "nginx", "portMappings": [{"containerPort": 80, "name": "Web"}]}]"#,
        );
    }
}
