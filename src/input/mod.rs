//! Everything between a path and canonical resources: discovery, reading, parsing, shapes.

pub mod detect;
pub mod discover;
pub mod fix;
pub mod json;
pub mod read;
pub mod yaml;

use std::path::Path;

/// The syntax a document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Json,
    /// CloudFormation templates only: ECS's own documents are JSON.
    Yaml,
}

impl Syntax {
    /// By extension (`.json`, `.yaml`, `.yml`); otherwise (`.template`, standard input) by the
    /// first character: JSON documents open with `{` or `[`.
    pub fn of(path: &Path, body: &str) -> Self {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("json") => Syntax::Json,
            Some("yaml" | "yml") => Syntax::Yaml,
            _ if body.trim_start().starts_with(['{', '[']) || body.trim().is_empty() => Syntax::Json,
            _ => Syntax::Yaml,
        }
    }

    pub fn parse(self, text: &str, start: usize) -> Result<json::Parsed, json::SyntaxError> {
        match self {
            Syntax::Json => json::parse(text, start),
            Syntax::Yaml => yaml::parse(text, start),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Syntax::Json => "JSON",
            Syntax::Yaml => "YAML",
        }
    }
}
