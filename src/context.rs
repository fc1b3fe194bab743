//! Per-resource lint context: rules report findings at canonical pointers through it.

use crate::rule::{HasMeta, RuleMeta, Severity};
use crate::settings::Settings;

/// Which part of the node at a pointer a label covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The value; for objects and arrays, their key (or opening bracket) to keep labels short.
    Value,
    /// The key that holds the value.
    Key,
}

/// Which resource of a linked pair a pointer is in: the one being checked (a service), or the
/// resource linked to it (the service's task definition, in its own file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    #[default]
    Own,
    Linked,
}

#[derive(Debug, Clone)]
pub struct Label {
    pub pointer: String,
    pub part: Part,
    pub message: String,
    pub side: Side,
}

/// A finding before it is placed in a file: canonical pointers only.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    /// The resource `pointer` is in.
    pub side: Side,
    pub pointer: String,
    pub part: Part,
    pub message: String,
    pub help: Option<String>,
    /// What the primary label says (defaults to a short form of the message).
    pub label: Option<String>,
    pub labels: Vec<Label>,
    /// The value at `pointer` is a secret: it is masked in every output.
    pub secret: bool,
    /// A money estimate the finding is about (cost rules).
    pub cost: Option<Cost>,
}

/// Monthly on-demand estimate in USD, shown in the message and as numbers in `--format json`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Cost {
    /// What the resource costs per task-month as written.
    pub monthly_usd: f64,
    /// What the suggested change would save per task-month.
    pub saving_monthly_usd: Option<f64>,
}

pub struct LintContext<'a> {
    pub settings: &'a Settings,
    findings: Vec<Finding>,
}

impl<'a> LintContext<'a> {
    pub fn new(settings: &'a Settings) -> Self {
        Self { settings, findings: Vec::new() }
    }

    /// Starts a finding of `rule` at the canonical `pointer`; call `.emit()` to record it.
    pub fn report(&mut self, rule: &dyn HasMeta, pointer: impl Into<String>) -> FindingBuilder<'_, 'a> {
        let meta = rule.meta();
        FindingBuilder {
            cx: self,
            finding: Finding {
                rule: meta,
                severity: meta.severity,
                side: Side::Own,
                pointer: pointer.into(),
                part: Part::Value,
                message: String::new(),
                help: None,
                label: None,
                labels: Vec::new(),
                secret: false,
                cost: None,
            },
        }
    }

    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }
}

#[must_use = "call .emit() to record the finding"]
pub struct FindingBuilder<'c, 'a> {
    cx: &'c mut LintContext<'a>,
    finding: Finding,
}

impl FindingBuilder<'_, '_> {
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.finding.message = message.into();
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.finding.help = Some(help.into());
        self
    }

    /// Text of the primary label.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.finding.label = Some(label.into());
        self
    }

    /// Point at the key rather than the value.
    pub fn on_key(mut self) -> Self {
        self.finding.part = Part::Key;
        self
    }

    /// A secondary label elsewhere in the same resource.
    pub fn related(mut self, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        let side = self.finding.side;
        self.finding.labels.push(Label { pointer: pointer.into(), part: Part::Value, message: message.into(), side });
        self
    }

    /// The finding's pointer is in the linked task definition (where the fix goes).
    pub fn in_task_definition(mut self) -> Self {
        self.finding.side = Side::Linked;
        self
    }

    /// A related label in the linked task definition (another file).
    pub fn related_task(mut self, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        let label = Label { pointer: pointer.into(), part: Part::Value, message: message.into(), side: Side::Linked };
        self.finding.labels.push(label);
        self
    }

    /// A related label in the service being checked (when the finding is in the task definition).
    pub fn related_service(mut self, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        let label = Label { pointer: pointer.into(), part: Part::Value, message: message.into(), side: Side::Own };
        self.finding.labels.push(label);
        self
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.finding.severity = severity;
        self
    }

    /// The reported value is a secret: mask it in every output (messages must not quote it).
    pub fn secret(mut self) -> Self {
        self.finding.secret = true;
        self
    }

    pub fn cost(mut self, cost: Cost) -> Self {
        self.finding.cost = Some(cost);
        self
    }

    pub fn emit(self) {
        self.cx.findings.push(self.finding);
    }
}
