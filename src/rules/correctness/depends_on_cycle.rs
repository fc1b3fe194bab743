//! Containers that wait for each other in a cycle can never start.

use super::depends_on_unknown_container::{Dependency, dependencies, find};
use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct DependsOnCycle {
        code: "ECS-COR-016",
        name: "depends-on-cycle",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "containers depend on each other in a cycle",
    }
}

/// At most this many cycles are reported per task definition.
const MAX_CYCLES: usize = 16;
/// Bound on the search, so that a pathological graph cannot stall the linter.
const MAX_STEPS: usize = 100_000;

/// Edges of the dependency graph: `edges[i]` lists `(target, dependency)` in file order, one
/// per distinct target.
type Graph<'d, 'a> = Vec<Vec<(usize, &'d Dependency<'a>)>>;

impl Rule for DependsOnCycle {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let containers = task.containers();
        let deps = dependencies(&containers);
        let mut graph: Graph<'_, '_> = vec![Vec::new(); containers.len()];
        for dep in &deps {
            let Some(target) = dep.target.and_then(|name| find(&containers, name)) else {
                continue;
            };
            let edges = &mut graph[dep.from.index()];
            if !edges.iter().any(|(t, _)| *t == target.index()) {
                edges.push((target.index(), dep));
            }
        }
        for cycle in elementary_cycles(&graph) {
            let Some((closing, others)) = cycle.split_last() else {
                continue;
            };
            let mut names: Vec<String> = cycle.iter().map(|d| d.from.label()).collect();
            names.push(closing.target.unwrap_or_default().to_string());
            let path = names.join(" → ");
            let message = if others.is_empty() {
                format!("container `{}` depends on itself ({path}); the task can never start", closing.from.label())
            } else {
                format!("containers depend on each other in a cycle: {path}; the task can never start")
            };
            let mut builder = cx
                .report(self, closing.at("containerName"))
                .message(message)
                .label(if others.is_empty() {
                    "depends on itself".to_string()
                } else {
                    format!("closes the cycle {path}")
                })
                .help(if others.is_empty() {
                    format!("remove the dependency of `{}` on itself", closing.from.label())
                } else {
                    "remove one of these dependencies so that the containers can start in order".to_string()
                });
            for dep in others {
                builder = builder.related(
                    dep.at("containerName"),
                    format!("`{}` depends on `{}` here", dep.from.label(), dep.target.unwrap_or_default()),
                );
            }
            builder.emit();
        }
    }
}

/// Every elementary cycle, each once: it starts at its lowest container index and follows the
/// dependencies in file order, so the output is deterministic. The last edge closes the cycle.
fn elementary_cycles<'d, 'a>(graph: &Graph<'d, 'a>) -> Vec<Vec<&'d Dependency<'a>>> {
    let mut cycles = Vec::new();
    let mut steps = 0;
    for start in 0..graph.len() {
        let mut on_path = vec![false; graph.len()];
        let mut path = Vec::new();
        search(graph, start, start, &mut on_path, &mut path, &mut cycles, &mut steps);
        if cycles.len() >= MAX_CYCLES || steps >= MAX_STEPS {
            break;
        }
    }
    cycles.truncate(MAX_CYCLES);
    cycles
}

fn search<'d, 'a>(
    graph: &Graph<'d, 'a>,
    start: usize,
    node: usize,
    on_path: &mut [bool],
    path: &mut Vec<&'d Dependency<'a>>,
    cycles: &mut Vec<Vec<&'d Dependency<'a>>>,
    steps: &mut usize,
) {
    let Some(edges) = graph.get(node) else { return };
    if let Some(flag) = on_path.get_mut(node) {
        *flag = true;
    }
    for &(target, dep) in edges {
        *steps += 1;
        if cycles.len() >= MAX_CYCLES || *steps >= MAX_STEPS {
            break;
        }
        if target == start {
            let mut cycle = path.clone();
            cycle.push(dep);
            cycles.push(cycle);
        } else if target > start && !on_path.get(target).copied().unwrap_or(true) {
            path.push(dep);
            search(graph, start, target, on_path, path, cycles, steps);
            path.pop();
        }
    }
    if let Some(flag) = on_path.get_mut(node) {
        *flag = false;
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-COR-016";

    /// A container named `name` that depends on `targets` (START).
    fn c(name: &str, targets: &[&str]) -> String {
        let deps: Vec<String> =
            targets.iter().map(|t| format!(r#"{{"containerName": "{t}", "condition": "START"}}"#)).collect();
        format!(r#"{{"name": "{name}", "image": "nginx", "dependsOn": [{}]}}"#, deps.join(", "))
    }

    fn td(containers: &[String]) -> String {
        format!(r#"{{"family": "web", "containerDefinitions": [{}]}}"#, containers.join(", "))
    }

    #[test]
    fn reports_a_two_container_cycle_once_on_the_closing_edge() {
        let text = td(&[c("app", &["proxy"]), c("proxy", &["app"])]);
        let messages = assert_fires(CODE, 1, &text);
        assert!(messages[0].contains("app → proxy → app"), "{}", messages[0]);
        assert!(messages[0].contains("the task can never start"));
        let found = findings(CODE, &text);
        assert_eq!(found[0].pointer, "/containerDefinitions/1/dependsOn/0/containerName");
        assert_eq!(found[0].labels.len(), 1);
    }

    #[test]
    fn reports_a_self_dependency() {
        let messages = assert_fires(CODE, 1, &td(&[c("app", &["app"])]));
        assert!(messages[0].contains("container `app` depends on itself (app → app)"));
    }

    #[test]
    fn reports_each_cycle_once_in_a_stable_order() {
        // a → b → c → a and b → c → b share the edge b → c.
        let text = td(&[c("a", &["b"]), c("b", &["c"]), c("c", &["a", "b"])]);
        let messages = assert_fires(CODE, 2, &text);
        assert!(messages[0].contains("a → b → c → a"), "{messages:?}");
        assert!(messages[1].contains("b → c → b"), "{messages:?}");
        assert_eq!(messages, assert_fires(CODE, 2, &text));
    }

    #[test]
    fn duplicate_edges_count_once() {
        let app = r#"{"name": "app", "image": "nginx", "dependsOn": [
            {"containerName": "db", "condition": "START"},
            {"containerName": "db", "condition": "HEALTHY"}]}"#;
        assert_fires(CODE, 1, &td(&[app.to_string(), c("db", &["app"])]));
    }

    #[test]
    fn clean_for_chains_and_diamonds() {
        assert_clean(CODE, &td(&[c("a", &["b", "c"]), c("b", &["c"]), c("c", &[])]));
        assert_clean(CODE, &td(&[c("a", &[])]));
    }

    #[test]
    fn placeholders_and_unknown_targets_add_no_edges() {
        assert_clean(CODE, &td(&[c("app", &["${PROXY}"]), c("proxy", &["app"])]));
        assert_clean(CODE, &td(&[c("app", &["ghost"]), c("proxy", &["app"])]));
    }

    #[test]
    fn a_dense_graph_is_bounded() {
        let names: Vec<String> = (0..12).map(|i| format!("c{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let containers: Vec<String> = names.iter().map(|n| c(n, &refs)).collect();
        assert_fires(CODE, super::MAX_CYCLES, &td(&containers));
    }

    #[test]
    fn works_on_a_bare_container_array() {
        let text = format!("[{}, {}]", c("app", &["proxy"]), c("proxy", &["app"]));
        assert_fires(CODE, 1, &text);
    }
}
