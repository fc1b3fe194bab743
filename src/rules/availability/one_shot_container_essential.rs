//! A one-shot container (init, migration, setup) left essential stops the whole task when it finishes.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{Container, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct OneShotContainerEssential {
        code: "ECS-HA-002",
        name: "one-shot-container-essential",
        category: Availability,
        severity: Warning,
        since: "0.1.0",
        summary: "a container named as a one-shot job (init, migrate, setup…) is essential next to a long-running one",
    }
}

/// Words in a container name that mark a job meant to run once and exit.
const ONE_SHOT_WORDS: &[&str] = &["init", "migrate", "migration", "migrations", "setup", "bootstrap", "seed"];

impl Rule for OneShotContainerEssential {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let containers = task.containers();
        for one_shot in &containers {
            let Some(name) = one_shot.name() else {
                continue;
            };
            if one_shot.essential() != Some(true) || !is_one_shot_name(name) || restarts(one_shot) {
                continue;
            }
            // A SUCCESS/COMPLETE dependency on it is ECS-COR-017's error; an unknown condition might be one.
            let waited_for = containers
                .iter()
                .any(|c| depends_on(c, name).any(|condition| !matches!(condition, Some("START" | "HEALTHY"))));
            if waited_for {
                continue;
            }
            // Only when its exit would stop a long-running container: one that serves traffic or
            // starts after it. A task made of the job alone (or with sidecars) is meant to stop.
            let Some(service) = containers.iter().find(|c| {
                c.index() != one_shot.index()
                    && c.essential() == Some(true)
                    && c.name().is_some_and(|n| !is_one_shot_name(n))
                    && (!c.array("portMappings").is_empty() || depends_on(c, name).next().is_some())
            }) else {
                continue;
            };
            let essential = one_shot.at("essential");
            let mut finding = cx
                .report(self, if one_shot.has("essential") { essential } else { one_shot.pointer() })
                .message(format!(
                    "container {} looks like a one-shot job but is essential (the default): when it exits, ECS stops \
                     the whole task, including {}, with `Essential container in task exited`",
                    one_shot.display(),
                    service.display()
                ))
                .label("essential one-shot container")
                .related(service.pointer(), "long-running container stopped with it")
                .help(format!(
                    "set `\"essential\": false` on {} and let {} wait for it with `dependsOn` condition `SUCCESS`",
                    one_shot.display(),
                    service.display()
                ));
            if !one_shot.has("essential") {
                finding = finding.on_key();
            }
            finding.emit();
        }
    }
}

/// `name` split into lower-case words at `-`, `_`, `.`, digits and camelCase humps.
fn is_one_shot_name(name: &str) -> bool {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if !c.is_ascii_alphabetic() {
            words.push(std::mem::take(&mut current));
            previous_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && previous_lower {
            words.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_ascii_lowercase();
        current.push(c.to_ascii_lowercase());
    }
    words.push(current);
    words.iter().any(|w| ONE_SHOT_WORDS.contains(&w.as_str()))
}

/// The conditions (`None` when unknown) under which `container` depends on `target`.
fn depends_on<'a>(container: &Container<'a>, target: &'a str) -> impl Iterator<Item = Option<&'a str>> {
    container
        .array("dependsOn")
        .iter()
        .filter(move |d| {
            let named = d.get("containerName");
            // An unknown dependency name might be this container.
            known_str(named).is_none_or(|n| n == target) && named.is_some_and(Value::is_string)
        })
        .map(|d| known_str(d.get("condition")))
}

/// A restart policy restarts the container instead of stopping the task.
fn restarts(container: &Container<'_>) -> bool {
    container.get("restartPolicy").and_then(|p| p.get("enabled")).is_some_and(|e| e.as_bool() != Some(false))
}

#[cfg(test)]
mod tests {
    use super::is_one_shot_name;
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-HA-002";

    fn td(init_fields: &str, app_fields: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [
                {{"name": "db-migrate", "image": "app:1.0", "memory": 256 {init_fields}}},
                {{"name": "app", "image": "app:1.0", "memory": 256 {app_fields}}}]}}"#
        )
    }

    const PORTS: &str = r#", "portMappings": [{"containerPort": 8080}]"#;

    #[test]
    fn names() {
        for name in
            ["init", "db-migrate", "run_migrations", "config-init", "dbSeed", "Setup", "bootstrap2", "initContainer"]
        {
            assert!(is_one_shot_name(name), "{name}");
        }
        for name in ["app", "initial-load", "initializer", "setuptools", "migrator", "reseed", "nginx", ""] {
            assert!(!is_one_shot_name(name), "{name}");
        }
    }

    #[test]
    fn fires_next_to_a_serving_or_waiting_container() {
        let messages = assert_fires(CODE, 1, &td("", PORTS));
        assert!(messages[0].starts_with("container `db-migrate` looks like a one-shot job but is essential"));
        assert!(messages[0].contains("including `app`"));
        assert_fires(CODE, 1, &td(r#", "essential": true"#, PORTS));
        assert_fires(CODE, 1, &td("", r#", "dependsOn": [{"containerName": "db-migrate", "condition": "START"}]"#));
    }

    #[test]
    fn leaves_success_dependencies_to_cor_017() {
        assert_clean(
            CODE,
            &td(
                "",
                r#", "portMappings": [{"containerPort": 8080}], "dependsOn": [{"containerName": "db-migrate", "condition": "SUCCESS"}]"#,
            ),
        );
        assert_clean(
            CODE,
            &td(
                "",
                r#", "portMappings": [{"containerPort": 8080}], "dependsOn": [{"containerName": "db-migrate", "condition": "${C}"}]"#,
            ),
        );
    }

    #[test]
    fn quiet_when_not_essential_or_alone() {
        assert_clean(CODE, &td(r#", "essential": false"#, PORTS));
        assert_clean(CODE, &td(r#", "essential": "${E}""#, PORTS));
        // Nothing long-running next to it: a one-off job task.
        assert_clean(CODE, &td("", ""));
        assert_clean(CODE, &td("", &format!(r#"{PORTS}, "essential": false"#)));
        assert_clean(CODE, r#"[{"name": "migrate", "image": "app:1"}]"#);
        assert_clean(CODE, &td(r#", "restartPolicy": {"enabled": true}"#, PORTS));
    }

    #[test]
    fn checks_bare_container_arrays() {
        assert_fires(
            CODE,
            1,
            r#"[{"name": "init", "image": "busybox:1"}, {"name": "web", "image": "nginx:1", "portMappings": [{"containerPort": 80}]}]"#,
        );
    }
}
