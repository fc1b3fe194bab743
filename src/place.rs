//! Placing findings on source bytes: canonical pointer → source pointer → span → line/column.
//! Only findings are placed, lazily; nothing is computed for the clean parts of a file.

use crate::context::{Finding, Part, Side};
use crate::diagnostic::{Diagnostic, Related, SpanLabel};
use crate::input::json::{Node, NodeKind, Span};
use crate::model::Resource;
use crate::rule::RuleMeta;
use crate::rules::schema::{DescribeServicesOutput, DescribeTaskDefinitionOutput};
use crate::source::LineIndex;
use std::sync::Arc;

/// One file's text and parse tree, ready to place findings.
pub struct Placer<'a> {
    pub file: &'a str,
    index: LineIndex<'a>,
    root: Option<&'a Node>,
}

/// A resource with the placer of the file it came from.
pub type Located<'a> = (&'a Placer<'a>, &'a Resource);

impl<'a> Placer<'a> {
    pub fn new(file: &'a str, text: &'a str, root: Option<&'a Node>) -> Self {
        Self { file, index: LineIndex::new(text), root }
    }

    pub fn at_span(&self, rule: &'static RuleMeta, span: Span, message: String) -> Diagnostic {
        let (start, end) = self.index.range(&span);
        Diagnostic { span: Some(span), start, end, ..Diagnostic::file_level(self.file, rule, message) }
    }

    /// Places a finding of `own` (the resource checked); labels on the other side of a linked
    /// pair (a service and its task definition) become related locations in the other file.
    pub fn finding(own: Located<'_>, linked: Option<Located<'_>>, finding: &Finding) -> Diagnostic {
        let (here, other) = match (finding.side, linked) {
            (Side::Linked, Some(linked)) => (linked, Some(own)),
            _ => (own, linked),
        };
        let (placer, resource) = here;
        let pointer = resource.origin.to_source(&finding.pointer);
        let span = placer.resolve(&pointer, finding.part);
        let format = resource.infra.as_deref().map(|i| i.format);
        let wording = |text: &str| match format {
            Some(crate::model::Format::CloudFormation) => crate::cfn::template_wording(text),
            Some(crate::model::Format::Terraform) => crate::terraform::plan_wording(text),
            None => text.to_string(),
        };
        let mut d = placer.at_span(finding.rule, span, wording(&finding.message));
        if let Some(parameter) = assumed_parameter(resource, finding) {
            d.message.push_str(&format!(
                " (this uses the `Default` of parameter `{parameter}`; a deployment may pass another value)"
            ));
        }
        d.severity = finding.severity;
        d.pointer = pointer.clone();
        d.help = finding.help.as_deref().map(wording);
        d.label = finding.label.as_deref().map(wording);
        d.fixable =
            [DescribeTaskDefinitionOutput::META.code, DescribeServicesOutput::META.code].contains(&finding.rule.code);
        d.cost = finding.cost;
        if finding.secret {
            d.secret_span = placer.root.and_then(|root| root.lookup(&pointer)).map(|(node, _)| node.span.clone());
        }
        for label in &finding.labels {
            let on_primary_side = label.side == finding.side || other.is_none();
            let (label_placer, label_resource) = if on_primary_side { here } else { other.unwrap_or(here) };
            let pointer = label_resource.origin.to_source(&label.pointer);
            let span = label_placer.resolve(&pointer, label.part);
            if on_primary_side {
                d.labels.push(SpanLabel { span, message: wording(&label.message) });
            } else {
                let (start, end) = label_placer.index.range(&span);
                d.related.push(Related {
                    file: label_placer.file.to_string(),
                    pointer,
                    span,
                    start,
                    end,
                    message: wording(&label.message),
                });
            }
        }
        d
    }

    /// The span for a pointer: the nearest existing ancestor when the field is absent.
    pub fn resolve(&self, pointer: &str, part: Part) -> Span {
        let Some(root) = self.root else { return 0..0 };
        let mut pointer = pointer;
        loop {
            if let Some((node, key)) = root.lookup(pointer) {
                let container = matches!(node.kind, NodeKind::Object(_) | NodeKind::Array(_));
                return match (part, key) {
                    (Part::Key, Some(key)) => key,
                    (Part::Value, Some(key)) if container => key,
                    _ if container => node.span.start..node.span.start + 1,
                    _ => node.span.clone(),
                };
            }
            match pointer.rfind('/') {
                Some(i) => pointer = &pointer[..i],
                None => return 0..0,
            }
        }
    }
}

/// The template parameter whose `Default` the reported value came from, if any.
fn assumed_parameter<'r>(resource: &'r Resource, finding: &Finding) -> Option<&'r str> {
    let assumed = &resource.infra.as_deref()?.assumed;
    let p = finding.pointer.as_str();
    let covers = |at: &str| p == at || p.strip_prefix(at).is_some_and(|rest| rest.starts_with('/'));
    // A label on exactly the value (the other half of a CPU/memory pair) counts too.
    let labelled = |at: &str| finding.labels.iter().any(|l| l.side == finding.side && l.pointer == at);
    assumed.iter().find(|(at, _)| covers(at) || labelled(at)).map(|(_, parameter)| parameter.as_str())
}

/// The source with every secret's bytes (inside the quotes) replaced by `*`: offsets, lines and
/// the JSON shape stay as they were, the secret never reaches a snippet.
pub fn mask(source: &str, secrets: &[&Span]) -> Arc<str> {
    let mut bytes = source.as_bytes().to_vec();
    for span in secrets {
        let inner = span.start + 1..span.end.saturating_sub(1);
        for b in bytes.get_mut(inner).into_iter().flatten() {
            *b = b'*';
        }
    }
    // Whole characters were replaced by ASCII, so the text stays valid UTF-8.
    Arc::from(String::from_utf8_lossy(&bytes).into_owned())
}
