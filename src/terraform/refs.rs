//! Which resource of the plan an attribute names. In a plan, `task_role_arn = aws_iam_role.x.arn`
//! is usually unknown until the apply, but the plan's `configuration` keeps the expression's
//! references (`["aws_iam_role.x.arn", "aws_iam_role.x"]`); they are followed through module
//! variables (`var.role_arn` → the module call's argument) and module outputs
//! (`module.iam.role_arn` → the output's expression).

use super::plan::{Planned, call_names, segments, strip_index};
use crate::input::json::{Node, NodeKind};

/// Variables and outputs are followed this many hops at most (a plan may hold cycles).
const MAX_HOPS: usize = 16;

/// The plan's `configuration.root_module`.
#[derive(Clone, Copy)]
pub(super) struct Config<'a> {
    root: Option<&'a Node>,
}

impl<'a> Config<'a> {
    pub fn new(plan: &'a Node) -> Self {
        Self { root: plan.get("configuration").and_then(|c| c.get("root_module")) }
    }

    fn module(&self, calls: &[String]) -> Option<&'a Node> {
        calls.iter().try_fold(self.root?, |m, call| m.get("module_calls")?.get(call)?.get("module"))
    }

    /// The expression of `attr` in the configuration block of a planned resource.
    fn expression(&self, resource: &Planned, attr: &str) -> Option<&'a Node> {
        let local = strip_index(resource.local());
        let NodeKind::Array(resources) = &self.module(&call_names(&resource.module))?.get("resources")?.kind else {
            return None;
        };
        let block = resources.iter().find(|r| {
            r.get("address").and_then(Node::as_str) == Some(local)
                && r.get("mode").and_then(Node::as_str) != Some("data")
        })?;
        // `attr` may name an attribute of a nested block: `load_balancer/0/target_group_arn`.
        attr.split('/').try_fold(block.get("expressions")?, |node, segment| match &node.kind {
            NodeKind::Array(items) => items.get(segment.parse::<usize>().ok()?),
            _ => node.get(segment),
        })
    }

    /// Whether the configuration block of `resource` sets `attr` at all (`None`: no configuration).
    pub fn sets(&self, resource: &Planned, attr: &str) -> Option<bool> {
        self.module(&call_names(&resource.module))?;
        Some(self.expression(resource, attr).is_some())
    }

    /// The index into `planned` of the resource of type `want` that `attr` of `from` refers to.
    pub fn resolve(&self, planned: &[Planned], from: &Planned, attr: &str, want: &str) -> Option<usize> {
        let refs = references(self.expression(from, attr));
        let hint = from.local().find('[').map(|i| &from.local()[i..]);
        self.follow(planned, &from.module, &refs, want, hint, 0)
    }

    /// Every resource of type `want` that `attr` of `from` refers to (a list such as `roles`).
    pub fn resolve_all(&self, planned: &[Planned], from: &Planned, attr: &str, want: &str) -> Vec<usize> {
        let refs = references(self.expression(from, attr));
        let hint = from.local().find('[').map(|i| &from.local()[i..]);
        refs.iter().filter_map(|r| self.follow(planned, &from.module, &[*r], want, hint, 0)).collect()
    }

    fn follow(
        &self,
        planned: &[Planned],
        module: &str,
        refs: &[&str],
        want: &str,
        hint: Option<&str>,
        hops: usize,
    ) -> Option<usize> {
        if hops > MAX_HOPS {
            return None;
        }
        for reference in refs {
            let segs = segments(reference);
            let found = match (segs.first().copied(), segs.get(1).copied()) {
                (Some("var"), Some(var)) => {
                    let Some((parent, call)) = parent_of(module) else { continue };
                    let call_node =
                        self.module(&call_names(&parent)).and_then(|m| m.get("module_calls")?.get(strip_index(&call)));
                    let refs = references(call_node.and_then(|c| c.get("expressions")?.get(var)));
                    self.follow(planned, &parent, &refs, want, hint, hops + 1)
                }
                (Some("module"), Some(call)) => {
                    let Some(output) = segs.get(2) else { continue };
                    let mut names = call_names(module);
                    names.push(strip_index(call).to_string());
                    let expression = self.module(&names).and_then(|m| m.get("outputs")?.get(output)?.get("expression"));
                    let child =
                        if module.is_empty() { format!("module.{call}") } else { format!("{module}.module.{call}") };
                    self.follow(planned, &child, &references(expression), want, hint, hops + 1)
                }
                (Some(rtype), Some(name)) if rtype == want => find(planned, module, want, name, hint),
                _ => None,
            };
            if found.is_some() {
                return found;
            }
        }
        None
    }
}

/// The `references` of an expression (strings only).
fn references(expression: Option<&Node>) -> Vec<&str> {
    match expression.and_then(|e| e.get("references")).map(|r| &r.kind) {
        Some(NodeKind::Array(items)) => items.iter().filter_map(Node::as_str).collect(),
        _ => Vec::new(),
    }
}

/// `("module.a", "b[0]")` of `module.a.module.b[0]`.
fn parent_of(module: &str) -> Option<(String, String)> {
    let segs = segments(module);
    let n = segs.len();
    if n < 2 || segs.get(n - 2) != Some(&"module") {
        return None;
    }
    Some((segs[..n - 2].join("."), segs[n - 1].to_string()))
}

/// The planned resource `<want>.<name>` in `module`. Without an index in the reference (or in the
/// module path), a single instance matches; among several, the one with the referrer's own index.
fn find(planned: &[Planned], module: &str, want: &str, name: &str, hint: Option<&str>) -> Option<usize> {
    let wanted = format!("{want}.{}", strip_index(name));
    let loose = |m: &str| strip_all(m) == strip_all(module);
    let mut candidates: Vec<usize> = planned
        .iter()
        .enumerate()
        .filter(|(_, p)| p.rtype == want && strip_index(p.local()) == wanted && loose(&p.module))
        .map(|(i, _)| i)
        .collect();
    let exact_module: Vec<usize> = candidates.iter().copied().filter(|&i| planned[i].module == module).collect();
    if !exact_module.is_empty() {
        candidates = exact_module;
    }
    if name.contains('[') {
        candidates.retain(|&i| planned[i].local().ends_with(&name[name.find('[').unwrap_or(0)..]));
    }
    if candidates.len() > 1
        && let Some(hint) = hint
    {
        candidates.retain(|&i| planned[i].local().ends_with(hint));
    }
    match candidates.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// An address without any instance index.
fn strip_all(address: &str) -> String {
    segments(address).iter().map(|s| strip_index(s)).collect::<Vec<_>>().join(".")
}
