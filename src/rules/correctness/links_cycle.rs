//! Containers start in link order, so links that form a cycle cannot be satisfied; AWS rejects them.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;
use std::collections::{HashMap, VecDeque};

declare_rule! {
    pub struct LinksCycle {
        code: "ECS-COR-027",
        name: "links-cycle",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "container links that form a cycle",
    }
}

const AWS_TEXT: &str = "Container links should not have a cycle";

/// One link: the container it points to and the pointer of the `links` entry.
struct Edge {
    to: usize,
    pointer: String,
}

/// The shortest cycle through `start`, as the edges taken (each `(from, edge index)`).
fn cycle_through(start: usize, edges: &[Vec<Edge>]) -> Option<Vec<(usize, usize)>> {
    let mut parent: HashMap<usize, (usize, usize)> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    let mut seen = vec![false; edges.len()];
    while let Some(node) = queue.pop_front() {
        for (e, edge) in edges.get(node).map_or(&[][..], Vec::as_slice).iter().enumerate() {
            if edge.to == start {
                let mut path = vec![(node, e)];
                let mut at = node;
                while at != start {
                    let (prev, prev_edge) = *parent.get(&at)?;
                    path.push((prev, prev_edge));
                    at = prev;
                }
                path.reverse();
                return Some(path);
            }
            if let Some(visited) = seen.get_mut(edge.to).filter(|v| !**v) {
                *visited = true;
                parent.insert(edge.to, (node, e));
                queue.push_back(edge.to);
            }
        }
    }
    None
}

impl Rule for LinksCycle {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let containers = task.containers();
        // Nodes are containers with a known name; a duplicated name keeps its first container.
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut nodes = Vec::new();
        for container in &containers {
            if let Some(name) = container.name().filter(|n| !n.trim().is_empty()) {
                if !index.contains_key(name) {
                    index.insert(name, nodes.len());
                    nodes.push(container);
                }
            }
        }
        let edges: Vec<Vec<Edge>> = nodes
            .iter()
            .map(|container| {
                let links = container.at("links");
                let mut out: Vec<Edge> = Vec::new();
                for (j, link) in container.array("links").iter().enumerate() {
                    // `name` or `name:alias`; placeholders and unknown names are not edges.
                    let Some(target) = known_str(Some(link)).map(|l| l.split(':').next().unwrap_or(l)) else {
                        continue;
                    };
                    if let Some(&to) = index.get(target) {
                        if out.iter().all(|e| e.to != to) {
                            out.push(Edge { to, pointer: join(&links, j) });
                        }
                    }
                }
                out
            })
            .collect();

        let mut reported = vec![false; nodes.len()];
        for start in 0..nodes.len() {
            if reported[start] {
                continue;
            }
            let Some(path) = cycle_through(start, &edges) else {
                continue;
            };
            let name = |node: usize| nodes.get(node).and_then(|c| c.name()).unwrap_or("?");
            let Some(&(first_from, first_edge)) = path.first() else {
                continue;
            };
            let Some(first) = edges.get(first_from).and_then(|e| e.get(first_edge)) else {
                continue;
            };
            let message = if path.len() == 1 {
                format!("container `{}` links to itself; AWS rejects it: {AWS_TEXT}", name(start))
            } else {
                let mut chain: Vec<String> = path.iter().map(|(from, _)| format!("`{}`", name(*from))).collect();
                chain.push(format!("`{}`", name(start)));
                format!("container links form a cycle: {}; AWS rejects it: {AWS_TEXT}", chain.join(" → "))
            };
            let mut builder = cx.report(self, first.pointer.as_str()).message(message).label(format!(
                "`{}` links to `{}`",
                name(first_from),
                name(first.to)
            ));
            for &(from, e) in path.iter().skip(1) {
                if let Some(edge) = edges.get(from).and_then(|edges| edges.get(e)) {
                    builder = builder
                        .related(edge.pointer.as_str(), format!("`{}` links to `{}`", name(from), name(edge.to)));
                }
            }
            builder
                .help(
                    "remove one of these links: the linked container must start first, so a cycle can never \
                     start; use `dependsOn` where only the start order matters",
                )
                .emit();
            for (from, _) in path {
                if let Some(flag) = reported.get_mut(from) {
                    *flag = true;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-COR-027";

    fn td(containers: &[(&str, &str)]) -> String {
        let defs: Vec<String> = containers
            .iter()
            .map(|(name, links)| {
                format!(r#"{{"name": "{name}", "image": "nginx:1.27", "memory": 128, "links": {links}}}"#)
            })
            .collect();
        format!(r#"{{"family": "web", "containerDefinitions": [{}]}}"#, defs.join(", "))
    }

    #[test]
    fn fires_on_a_cycle_with_the_aws_text() {
        let messages = assert_fires(CODE, 1, &td(&[("a", r#"["b:backend"]"#), ("b", r#"["a"]"#)]));
        assert_eq!(
            messages[0],
            "container links form a cycle: `a` → `b` → `a`; AWS rejects it: Container links should not have a cycle"
        );
        let found = findings(CODE, &td(&[("a", r#"["b"]"#), ("b", r#"["c"]"#), ("c", r#"["a"]"#)]));
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("`a` → `b` → `c` → `a`"));
        assert_eq!(found[0].labels.len(), 2);
    }

    #[test]
    fn fires_on_a_self_link() {
        let messages = assert_fires(CODE, 1, &td(&[("a", r#"["a"]"#)]));
        assert!(messages[0].starts_with("container `a` links to itself"));
    }

    #[test]
    fn acyclic_links_are_fine() {
        assert_clean(CODE, &td(&[("a", r#"["b", "c:cache"]"#), ("b", r#"["c"]"#), ("c", "[]")]));
        assert_clean(CODE, &td(&[("a", r#"["missing"]"#), ("b", "null")]));
    }

    #[test]
    fn placeholders_and_odd_shapes_stay_silent() {
        assert_clean(CODE, &td(&[("a", r#"["${LINK}"]"#), ("b", r#"["a"]"#)]));
        assert_clean(CODE, &td(&[("a", r#""b""#), ("b", r#"[{"a": 1}, 5]"#)]));
        assert_clean(CODE, &td(&[("${NAME}", r#"["b"]"#), ("b", r#"["${NAME}"]"#)]));
        assert_clean(CODE, &td(&[("", r#"[""]"#)]));
    }

    #[test]
    fn works_on_bare_container_arrays() {
        let array = r#"[{"name": "a", "image": "x", "links": ["b"]}, {"name": "b", "image": "y", "links": ["a"]}]"#;
        assert_fires(CODE, 1, array);
    }
}
