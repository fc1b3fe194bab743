//! What a rule is: permanent identity, category, default severity, its page, and a check.

use crate::context::LintContext;
use crate::model::{Cluster, Role, Service, TaskDefinition};
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Schema,
    Correctness,
    Security,
    Cost,
    Availability,
}

impl Category {
    pub const ALL: [Category; 5] =
        [Category::Schema, Category::Correctness, Category::Security, Category::Cost, Category::Availability];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Schema => "schema",
            Category::Correctness => "correctness",
            Category::Security => "security",
            Category::Cost => "cost",
            Category::Availability => "availability",
        }
    }
}

/// Ordered so that `Error > Warning > Info`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule's identity and documentation. `code` is permanent and never reused.
#[derive(Debug)]
pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub since: &'static str,
    pub summary: &'static str,
    /// The Markdown page `rules/<code>.md`.
    pub doc: &'static str,
}

/// Where rule pages are published (SARIF `helpUri`, the human report's link).
pub const RULES_URL: &str = "https://github.com/ecslint/ecslint/blob/main/rules";

impl RuleMeta {
    pub fn url(&self) -> String {
        format!("{RULES_URL}/{}.md", self.code)
    }
}

/// Gives a rule its metadata; implemented by `declare_rule!`.
pub trait HasMeta {
    fn meta(&self) -> &'static RuleMeta;
}

/// A check over canonical resources. Rules report canonical pointers, never spans.
pub trait Rule: HasMeta + Send + Sync {
    /// Checks one task definition.
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let _ = (task, cx);
    }

    /// Checks one service, with the task definition it runs when that was found in the run
    /// (`None`: cross-file checks stay silent). Report in the task definition with
    /// `.in_task_definition()`, and label the other file with `.related_task` / `.related_service`.
    fn check_service(&self, service: &Service<'_>, task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        let _ = (service, task, cx);
    }

    /// Checks one IAM role used by a task definition of a template or plan.
    fn check_role(&self, role: &Role<'_>, cx: &mut LintContext<'_>) {
        let _ = (role, cx);
    }

    /// Checks one ECS cluster of a template or plan.
    fn check_cluster(&self, cluster: &Cluster<'_>, cx: &mut LintContext<'_>) {
        let _ = (cluster, cx);
    }
}

/// Declares a rule struct with its metadata; the page `rules/<code>.md` is embedded.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[$attr:meta])*
        $vis:vis struct $name:ident {
            code: $code:literal,
            name: $rule_name:literal,
            category: $category:ident,
            severity: $severity:ident,
            since: $since:literal,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[$attr])*
        #[derive(Debug, Default, Clone, Copy)]
        $vis struct $name;

        impl $name {
            pub(crate) const META: $crate::rule::RuleMeta = $crate::rule::RuleMeta {
                code: $code,
                name: $rule_name,
                category: $crate::rule::Category::$category,
                severity: $crate::rule::Severity::$severity,
                since: $since,
                summary: $summary,
                doc: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/", $code, ".md")),
            };
        }

        impl $crate::rule::HasMeta for $name {
            fn meta(&self) -> &'static $crate::rule::RuleMeta {
                &Self::META
            }
        }
    };
}
