//! A `dependsOn` entry must name a container of the same task definition, or AWS rejects it.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{is_opaque, known_str};
use crate::model::{Container, TaskDefinition, join};
use crate::rule::Rule;
use crate::schema::did_you_mean;

declare_rule! {
    pub struct DependsOnUnknownContainer {
        code: "ECS-COR-015",
        name: "depends-on-unknown-container",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "dependsOn names a container that is not in the task definition",
    }
}

/// One `dependsOn` entry, with its fields when they are known strings.
#[derive(Debug, Clone)]
pub(super) struct Dependency<'a> {
    /// The container that declares the dependency.
    pub from: Container<'a>,
    /// Canonical pointer of the entry (`/containerDefinitions/0/dependsOn/1`).
    pub pointer: String,
    /// `containerName`, when known.
    pub target: Option<&'a str>,
    /// `condition`, when known.
    pub condition: Option<&'a str>,
}

impl Dependency<'_> {
    pub fn at(&self, field: &str) -> String {
        join(&self.pointer, field)
    }
}

/// Every `dependsOn` object of every container, in file order.
pub(super) fn dependencies<'a>(containers: &[Container<'a>]) -> Vec<Dependency<'a>> {
    let mut out = Vec::new();
    for container in containers {
        for (j, entry) in container.array("dependsOn").iter().enumerate() {
            if !entry.is_object() {
                continue;
            }
            out.push(Dependency {
                from: *container,
                pointer: join(&container.at("dependsOn"), j),
                target: known_str(entry.get("containerName")).filter(|t| !t.trim().is_empty()),
                condition: known_str(entry.get("condition")),
            });
        }
    }
    out
}

/// True when some container's name is a placeholder: a dependency could then name it.
pub(super) fn has_opaque_name(containers: &[Container<'_>]) -> bool {
    containers.iter().any(|c| c.get("name").is_some_and(is_opaque))
}

/// The one container named `name`; `None` when there is none or more than one.
pub(super) fn find<'a>(containers: &[Container<'a>], name: &str) -> Option<Container<'a>> {
    let mut found = containers.iter().filter(|c| c.name() == Some(name));
    match (found.next(), found.next()) {
        (Some(c), None) => Some(*c),
        _ => None,
    }
}

impl Rule for DependsOnUnknownContainer {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let containers = task.containers();
        if has_opaque_name(&containers) {
            return;
        }
        let names: Vec<&str> = containers.iter().filter_map(Container::name).collect();
        for dep in dependencies(&containers) {
            let Some(target) = dep.target else { continue };
            if names.contains(&target) {
                continue;
            }
            let help = match did_you_mean(target, names.iter().copied()) {
                Some(name) => format!("did you mean `{name}`?"),
                None if names.is_empty() => {
                    format!("add a container named `{target}`, or remove this dependency")
                }
                None => format!(
                    "add a container named `{target}`, or remove this dependency; containers here: {}",
                    names.join(", ")
                ),
            };
            cx.report(self, dep.at("containerName"))
                .message(format!(
                    "container `{}` depends on `{target}`, which is not a container of this task \
                     definition; AWS rejects it: Cannot depend on container + '{target}' because it \
                     does not exist",
                    dep.from.label()
                ))
                .label(format!("no container named `{target}`"))
                .help(help)
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-015";

    fn td(containers: &str) -> String {
        format!(r#"{{"family": "web", "containerDefinitions": [{containers}]}}"#)
    }

    const APP_ON_SIDECAR: &str = r#"{"name": "app", "image": "nginx",
        "dependsOn": [{"containerName": "sidecar-container", "condition": "START"}]}"#;

    #[test]
    fn fires_on_a_missing_container_with_the_aws_text() {
        let messages = assert_fires(CODE, 1, &td(APP_ON_SIDECAR));
        assert!(messages[0].contains("container `app` depends on `sidecar-container`"));
        assert!(messages[0].contains("Cannot depend on container + 'sidecar-container' because it does not exist"));
    }

    #[test]
    fn names_must_match_exactly() {
        let sidecar = r#"{"name": "Sidecar-Container", "image": "envoy", "essential": false}"#;
        assert_fires(CODE, 1, &td(&format!("{APP_ON_SIDECAR}, {sidecar}")));
    }

    #[test]
    fn clean_when_the_container_exists() {
        let sidecar = r#"{"name": "sidecar-container", "image": "envoy"}"#;
        assert_clean(CODE, &td(&format!("{APP_ON_SIDECAR}, {sidecar}")));
        assert_clean(CODE, &td(r#"{"name": "app", "image": "nginx"}"#));
    }

    #[test]
    fn silent_on_placeholders() {
        let opaque_target = r#"{"name": "app", "image": "nginx",
            "dependsOn": [{"containerName": "${SIDECAR}", "condition": "START"}]}"#;
        assert_clean(CODE, &td(opaque_target));
        let opaque_name = r#"{"name": "{{ sidecar_name }}", "image": "envoy"}"#;
        assert_clean(CODE, &td(&format!("{APP_ON_SIDECAR}, {opaque_name}")));
    }

    #[test]
    fn odd_shapes_do_not_panic() {
        for deps in [
            r#""dependsOn": null"#,
            r#""dependsOn": "sidecar""#,
            r#""dependsOn": [null, 3, "x", {"containerName": 5}]"#,
            r#""dependsOn": {"containerName": "x"}"#,
        ] {
            assert_clean(CODE, &td(&format!(r#"{{"name": "app", "image": "nginx", {deps}}}"#)));
        }
    }

    #[test]
    fn works_on_a_bare_container_array() {
        assert_fires(CODE, 1, &format!("[{APP_ON_SIDECAR}]"));
        let sidecar = r#"{"name": "sidecar-container", "image": "envoy"}"#;
        assert_clean(CODE, &format!("[{APP_ON_SIDECAR}, {sidecar}]"));
    }
}
