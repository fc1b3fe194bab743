//! The project view: every file of one run together. A service finds its task definition by
//! family (`family`, `family:revision` or an ARN; a revision mismatch is not an error), and the
//! service rules see both. An unresolved reference is fine: cross-file checks then stay silent.

use crate::context::LintContext;
use crate::diagnostic::Diagnostic;
use crate::input::json::{Node, parse};
use crate::input::{detect, read};
use crate::model::{Resource, Shape};
use crate::place::Placer;
use crate::settings::Settings;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file holding services, kept parsed until the whole run has been read.
pub struct ServiceUnit {
    pub file: String,
    pub path: PathBuf,
    pub source: Arc<str>,
    pub root: Node,
    pub resources: Vec<Resource>,
    /// Task definitions of the same template or plan, which its services name by logical ID or
    /// address.
    pub tasks: Vec<Resource>,
}

/// Task-definition families found in the run, and the files that declare them.
#[derive(Debug, Default)]
pub struct FamilyIndex {
    by_family: HashMap<String, Vec<PathBuf>>,
}

impl FamilyIndex {
    pub fn add(&mut self, family: &str, path: &Path) {
        self.by_family.entry(family.to_string()).or_default().push(path.to_path_buf());
    }

    /// The file declaring `family`: the only one, or the one beside the service when several do.
    fn resolve(&self, family: &str, service: &Path) -> Option<&PathBuf> {
        let candidates = self.by_family.get(family)?;
        if let [only] = candidates.as_slice() {
            return Some(only);
        }
        let mut beside = candidates.iter().filter(|c| c.parent() == service.parent());
        match (beside.next(), beside.next()) {
            (Some(one), None) => Some(one),
            _ => None, // ambiguous: silence beats a finding about the wrong file
        }
    }
}

/// Diagnostics of the service checks, and the texts of the task-definition files they point into.
#[derive(Default)]
pub struct Linked {
    pub diagnostics: Vec<(PathBuf, Diagnostic)>,
    pub sources: Vec<(String, Arc<str>)>,
}

struct LoadedTask {
    file: String,
    source: Arc<str>,
    root: Node,
    resource: Resource,
}

/// Runs every rule's service check, with the linked task definition where one was found.
pub fn check_services(units: &[ServiceUnit], index: &FamilyIndex, settings: &Settings) -> Linked {
    let mut tasks: HashMap<&PathBuf, Option<LoadedTask>> = HashMap::new();
    let mut links = Vec::new();
    for unit in units {
        for resource in &unit.resources {
            if resource.infra.is_some() {
                links.push(None);
                continue;
            }
            let path = resource.service().task_definition_ref().and_then(|r| {
                let path = index.resolve(&r.family, &unit.path)?;
                tasks.entry(path).or_insert_with(|| load(path, &r.family, settings));
                Some((path, r.family))
            });
            links.push(path);
        }
    }
    let mut linked = Linked::default();
    let mut links = links.into_iter();
    for unit in units {
        let placer = Placer::new(&unit.file, &unit.source, Some(&unit.root));
        for resource in &unit.resources {
            let task = links.next().flatten().and_then(|(path, _)| tasks.get(path)).and_then(Option::as_ref);
            let task_placer = task.map(|t| Placer::new(&t.file, &t.source, Some(&t.root)));
            let same_file = same_file_task(unit, resource);
            let task_view = task.map(|t| t.resource.task_definition()).or(same_file.map(Resource::task_definition));
            let mut cx = LintContext::new(settings);
            for rule in crate::rules::ALL {
                rule.check_service(&resource.service(), task_view.as_ref(), &mut cx);
            }
            let mut findings = cx.into_findings();
            if resource.infra.as_deref().is_some_and(|i| i.task_set) {
                findings.retain(|f| crate::cfn::TASK_SET_RULES.contains(&f.rule.code));
            }
            if settings.inline_suppressions {
                findings = crate::suppression::apply_inline(resource, findings, settings, true);
            }
            let other = task_placer.as_ref().zip(task.map(|t| &t.resource)).or(same_file.map(|t| (&placer, t)));
            for finding in &findings {
                let mut d = Placer::finding((&placer, resource), other, finding);
                if finding.side == crate::context::Side::Own {
                    d.scope = Some(crate::suppression::scope_of(resource, &finding.pointer));
                }
                if let Some(task) = task
                    && (d.file == task.file || d.related.iter().any(|r| r.file == task.file))
                    && !linked.sources.iter().any(|(f, _)| *f == task.file)
                {
                    linked.sources.push((task.file.clone(), task.source.clone()));
                }
                linked.diagnostics.push((unit.path.clone(), d));
            }
        }
    }
    linked
}

/// The task definition a template's or plan's service names, from the same file.
fn same_file_task<'u>(unit: &'u ServiceUnit, service: &Resource) -> Option<&'u Resource> {
    let id = service.infra.as_deref()?.task_definition.as_deref()?;
    unit.tasks.iter().find(|t| t.infra.as_deref().is_some_and(|i| i.id == id))
}

/// Reads a task-definition file again (only the ones services reference) and finds `family` in it.
fn load(path: &Path, family: &str, settings: &Settings) -> Option<LoadedTask> {
    let text = read::read_text(path, settings.max_file_size).ok()?;
    let source: Arc<str> = Arc::from(text.text);
    let root = parse(&source, text.body_start).ok()?.root;
    let resource = detect::detect(&root).into_iter().find(|r| {
        matches!(r.shape, Shape::RegisterRequest | Shape::DescribeOutput)
            && r.task_definition().family() == Some(family)
    })?;
    Some(LoadedTask { file: crate::linter::display_path(path), source, root, resource })
}
