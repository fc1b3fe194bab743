//! ecslint: a linter and policy checker for Amazon ECS task definitions.
//!
//! Every input shape is normalised into the canonical AWS API request shape with a map back to
//! the source; the schema and the rules run once on that shape and report canonical pointers,
//! which are placed on the exact source bytes only for the findings that exist.

pub mod baseline;
pub mod cfn;
pub mod cli;
pub mod config;
pub mod context;
pub mod data;
pub mod diagnostic;
pub mod iam;
pub mod input;
pub mod link;
pub mod linter;
pub mod lsp;
pub mod model;
pub mod nested;
pub mod output;
pub mod place;
pub mod rule;
pub mod rules;
pub mod schema;
pub mod settings;
pub mod source;
pub mod suppression;
pub mod terraform;

pub use diagnostic::Diagnostic;
pub use linter::{Report, RunOptions, lint_paths, lint_source};
pub use rule::{Category, Rule, RuleMeta, Severity};
pub use settings::Settings;
