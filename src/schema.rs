//! Validation of canonical resources against the JSON Schemas generated from the AWS API model
//! (`schemas/ecs/`). Each kind of schema error is an ordinary rule with its own code and page.

use crate::context::LintContext;
use crate::input::detect::{READ_ONLY_FIELDS, SERVICE_READ_ONLY_FIELDS};
use crate::model::known::is_opaque;
use crate::model::{Resource, Shape, join};
use crate::rules::schema::{
    DescribeServicesOutput, DescribeTaskDefinitionOutput, InvalidEnumValue, InvalidType, MissingRequiredField,
    PatternMismatch, UnknownField, ValueOutOfRange,
};
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{JsonType, Validator};
use serde_json::Value;
use std::sync::OnceLock;

/// Values outside the model's enums that AWS accepts. `networkMode: "default"` is the legacy
/// Windows value (AWS's own aws-otel-collector examples use it; ansible/ansible#59597).
const LEGACY_VALUES: [(&str, &str); 1] = [("networkMode", "default")];

const REGISTER_TASK_DEFINITION: &str = include_str!("../schemas/ecs/register-task-definition.json");
const CREATE_SERVICE: &str = include_str!("../schemas/ecs/create-service.json");
const UPDATE_SERVICE: &str = include_str!("../schemas/ecs/update-service.json");

/// A compiled validator and the schema it came from (for "did you mean" lookups).
pub struct Schema {
    validator: Validator,
    document: Value,
}

impl Schema {
    fn compile(text: &str) -> Self {
        // The schemas are generated and embedded at build time; a test compiles each of them.
        let document: Value = serde_json::from_str(text).expect("embedded schema is valid JSON");
        let validator = jsonschema::options()
            .with_pattern_options(jsonschema::PatternOptions::regex())
            .build(&document)
            .expect("embedded schema compiles");
        Self { validator, document }
    }

    /// The `RegisterTaskDefinition` request schema, compiled once per process.
    pub fn register_task_definition() -> &'static Schema {
        static SCHEMA: OnceLock<Schema> = OnceLock::new();
        SCHEMA.get_or_init(|| Schema::compile(REGISTER_TASK_DEFINITION))
    }

    /// The `CreateService` request schema, compiled once per process.
    pub fn create_service() -> &'static Schema {
        static SCHEMA: OnceLock<Schema> = OnceLock::new();
        SCHEMA.get_or_init(|| Schema::compile(CREATE_SERVICE))
    }

    /// The `UpdateService` request schema, compiled once per process.
    pub fn update_service() -> &'static Schema {
        static SCHEMA: OnceLock<Schema> = OnceLock::new();
        SCHEMA.get_or_init(|| Schema::compile(UPDATE_SERVICE))
    }

    /// The schema a resource's shape is validated against (none for clusters and roles, which
    /// templates and plans validate themselves).
    pub fn for_shape(shape: Shape) -> Option<&'static Schema> {
        match shape {
            Shape::RegisterRequest | Shape::DescribeOutput | Shape::ContainerArray => {
                Some(Self::register_task_definition())
            }
            Shape::CreateService | Shape::DescribeServices | Shape::ServiceDefinition => Some(Self::create_service()),
            Shape::UpdateService => Some(Self::update_service()),
            Shape::Cluster | Shape::Role => None,
        }
    }

    /// Property names the schema allows at an instance pointer (for "did you mean").
    fn properties_at(&self, pointer: &str) -> Vec<&str> {
        let mut node = self.resolve(&self.document);
        for segment in pointer.split('/').skip(1) {
            let next = node
                .get("properties")
                .and_then(|p| p.get(unescape(segment).as_str()))
                .or_else(|| node.get("items"))
                .or_else(|| node.get("additionalProperties").filter(|a| a.is_object()));
            match next {
                Some(n) => node = self.resolve(n),
                None => return Vec::new(),
            }
        }
        node.get("properties")
            .and_then(Value::as_object)
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// The schema's root node (front-ends walk it to coerce and rename fields).
    pub fn root(&self) -> &Value {
        &self.document
    }

    /// Follows `$ref`s to the definition a schema node names.
    pub fn resolve<'a>(&'a self, mut node: &'a Value) -> &'a Value {
        while let Some(target) = node.get("$ref").and_then(Value::as_str) {
            match target.strip_prefix("#/$defs/").and_then(|name| self.document["$defs"].get(name)) {
                Some(def) => node = def,
                None => break,
            }
        }
        node
    }
}

fn is_cloudformation(resource: &Resource) -> bool {
    resource.infra.as_deref().is_some_and(|i| i.format == crate::model::Format::CloudFormation)
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// Validates a resource against its request schema and reports findings at canonical pointers.
pub fn check(resource: &Resource, cx: &mut LintContext<'_>) {
    let Some(schema) = Schema::for_shape(resource.shape) else { return };
    if schema.validator.is_valid(&resource.value) {
        return;
    }
    for error in schema.validator.iter_errors(&resource.value) {
        let pointer = error.instance_path().to_string();
        if is_opaque(error.instance()) {
            continue;
        }
        report(schema, resource, &pointer, error.instance(), error.kind(), cx);
    }
}

fn report(
    schema: &Schema,
    resource: &Resource,
    pointer: &str,
    instance: &Value,
    kind: &ValidationErrorKind,
    cx: &mut LintContext<'_>,
) {
    let field = field_name(pointer);
    let param = botocore_path(pointer);
    match kind {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            for key in unexpected {
                let at = join(pointer, key);
                if pointer.is_empty() && report_read_only(resource.shape, key, &at, cx) {
                    continue;
                }
                let allowed = schema.properties_at(pointer);
                let message = if is_cloudformation(resource) {
                    let written = resource.origin.to_source(&at);
                    let written = unescape(written.rsplit('/').next().unwrap_or(key));
                    format!(
                        "unknown property `{written}`; CloudFormation rejects it: Properties validation failed \
                         for resource with message: extraneous key [{written}] is not permitted"
                    )
                } else {
                    format!("unknown field `{key}`; AWS rejects it: Unknown parameter in {param}: \"{key}\"")
                };
                let mut builder =
                    cx.report(&UnknownField, at).on_key().message(message).label(format!("unknown field `{key}`"));
                builder = match did_you_mean(key, allowed.iter().copied()) {
                    Some(s) => builder.help(format!("did you mean `{s}`?")),
                    None => builder.help(format!("remove it; allowed here: {}", allowed.join(", "))),
                };
                builder.emit();
            }
        }
        ValidationErrorKind::Required { property } => {
            let property = property.as_str().unwrap_or_default();
            // A bare container array has no task-level fields; a service definition kept for a
            // deploy tool gets its name from the tool.
            if matches!(resource.shape, Shape::ContainerArray | Shape::ServiceDefinition) && pointer.is_empty() {
                return;
            }
            // CloudFormation names the family itself when `Family` is omitted.
            if is_cloudformation(resource) && pointer.is_empty() && property == "family" {
                return;
            }
            cx.report(&MissingRequiredField, pointer)
                .on_key()
                .message(format!(
                    "missing required field `{property}`; AWS rejects it: Missing required parameter in {param}: \"{property}\""
                ))
                .label(format!("`{property}` is missing here"))
                .help(format!("add `{property}`"))
                .emit();
        }
        // Deploy tools that keep unnamed service definitions (ecspresso, Go SDK) drop nulls.
        ValidationErrorKind::Type { .. } if instance.is_null() && resource.shape == Shape::ServiceDefinition => {}
        ValidationErrorKind::Type { kind } => {
            let expected = type_names(kind);
            let mut builder = cx
                .report(&InvalidType, pointer)
                .message(format!(
                    "`{field}` must be {expected}, found {}; AWS rejects it: Invalid type for parameter {param}",
                    found_text(instance)
                ))
                .label(format!("expected {expected}"));
            builder = match (instance, expected.as_str()) {
                (Value::Number(n), "a string") => builder.help(format!("quote the value: \"{n}\"")),
                (Value::String(s), "an integer") if s.trim().parse::<i64>().is_ok() => {
                    builder.help(format!("remove the quotes: {}", s.trim()))
                }
                (Value::String(s), "a boolean") if s == "true" || s == "false" => {
                    builder.help(format!("remove the quotes: {s}"))
                }
                (Value::Null, _) => builder.help(format!("remove `{field}` or give it a value; AWS rejects null")),
                (Value::Object(_), "an array") => {
                    builder.help("write a list of objects, e.g. [{\"name\": \"KEY\", \"value\": \"VAL\"}]")
                }
                _ => builder.help(format!("write `{field}` as {expected}")),
            };
            builder.emit();
        }
        ValidationErrorKind::Enum { options } => {
            // A non-string already has a type finding; a legacy value AWS still accepts is fine.
            let Some(value) = instance.as_str() else { return };
            if LEGACY_VALUES.contains(&(field.as_str(), value)) {
                return;
            }
            let options: Vec<&str> =
                options.as_array().map(|o| o.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
            let suggestion = did_you_mean(value, options.iter().copied());
            let mut builder = cx
                .report(&InvalidEnumValue, pointer)
                .message(format!("{} is not a valid `{field}`; valid values: {}", short(instance), options.join(", ")))
                .label("not an allowed value");
            builder = match suggestion {
                Some(s) => builder.help(format!("did you mean `{s}`?")),
                None => builder.help(format!("use one of: {}", options.join(", "))),
            };
            builder.emit();
        }
        ValidationErrorKind::Pattern { pattern } => {
            cx.report(&PatternMismatch, pointer)
                .message(format!("{} in `{field}` contains characters AWS does not allow here", short(instance)))
                .label("invalid characters")
                .help(pattern_help(pattern))
                .emit();
        }
        other => {
            let Some(limit) = range_text(other) else {
                return;
            };
            cx.report(&ValueOutOfRange, pointer)
                .message(format!("`{field}` {limit}, found {}", measure(instance)))
                .label(limit.clone())
                .help(format!("change `{field}`: it {limit}"))
                .emit();
        }
    }
}

/// Reports a describe-output field at the top level; false when `key` is not one.
fn report_read_only(shape: Shape, key: &str, at: &str, cx: &mut LintContext<'_>) -> bool {
    let service = shape.is_service();
    let (read_only, operation, rule): (&[&str], _, &dyn crate::rule::HasMeta) = if service {
        (&SERVICE_READ_ONLY_FIELDS, "describe-services", &DescribeServicesOutput)
    } else {
        (&READ_ONLY_FIELDS, "describe-task-definition", &DescribeTaskDefinitionOutput)
    };
    if !read_only.contains(&key) {
        return false;
    }
    let mut builder = cx
        .report(rule, at)
        .on_key()
        .message(format!(
            "`{key}` is a read-only field of {operation} output; AWS CLI rejects it: Unknown parameter in input: \"{key}\""
        ))
        .label("read-only field")
        .help("remove it (`ecslint check --fix` strips every read-only field)");
    if shape == Shape::ServiceDefinition {
        // Deploy tools such as ecspresso accept and ignore these fields; only the CLI rejects them.
        builder = builder
            .severity(crate::rule::Severity::Warning)
            .help("remove it: deploy tools such as ecspresso ignore it, but `aws ecs create-service` rejects it");
    }
    builder.emit();
    true
}

/// Says in words what the model's tag pattern allows; other patterns are quoted as written.
fn pattern_help(pattern: &str) -> String {
    if pattern.contains(r"\p{L}\p{Z}\p{N}_.:/=+\-@") {
        "use only letters, digits, spaces and the characters _ . : / = + - @".into()
    } else {
        format!("use only characters matching {pattern}")
    }
}

fn range_text(kind: &ValidationErrorKind) -> Option<String> {
    Some(match kind {
        ValidationErrorKind::MinLength { limit } => format!("must be at least {} long", count(*limit, "character")),
        ValidationErrorKind::MaxLength { limit } => format!("must be at most {} long", count(*limit, "character")),
        ValidationErrorKind::MinItems { limit } => format!("must have at least {}", count(*limit, "item")),
        ValidationErrorKind::MaxItems { limit } => format!("must have at most {}", count(*limit, "item")),
        ValidationErrorKind::Minimum { limit } => format!("must be at least {limit}"),
        ValidationErrorKind::Maximum { limit } => format!("must be at most {limit}"),
        ValidationErrorKind::MinProperties { .. } | ValidationErrorKind::MaxProperties { .. } => {
            "must set exactly one of its fields".to_string()
        }
        _ => return None,
    })
}

fn measure(instance: &Value) -> String {
    match instance {
        Value::String(s) => count(s.chars().count() as u64, "character"),
        Value::Array(a) => count(a.len() as u64, "item"),
        Value::Object(o) => count(o.len() as u64, "field"),
        other => other.to_string(),
    }
}

fn count(n: u64, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// The last named segment of a pointer (`/containerDefinitions/0/cpu` → `cpu`).
fn field_name(pointer: &str) -> String {
    pointer
        .rsplit('/')
        .find(|s| s.parse::<usize>().is_err())
        .filter(|s| !s.is_empty())
        .map_or_else(|| "input".to_string(), unescape)
}

/// A pointer in botocore's parameter notation: `containerDefinitions[0].portMappings[0]`.
pub fn botocore_path(pointer: &str) -> String {
    let mut out = String::new();
    for segment in pointer.split('/').skip(1) {
        if segment.parse::<usize>().is_ok() {
            out.push_str(&format!("[{segment}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&unescape(segment));
        }
    }
    if out.is_empty() { "input".into() } else { out }
}

fn type_names(kind: &TypeKind) -> String {
    let names: Vec<&str> = match kind {
        TypeKind::Single(t) => vec![type_name(*t)],
        TypeKind::Multiple(set) => set.iter().map(type_name).collect(),
    };
    names.join(" or ")
}

fn type_name(t: JsonType) -> &'static str {
    match t {
        JsonType::Null => "null",
        JsonType::Boolean => "a boolean",
        JsonType::Integer => "an integer",
        JsonType::Number => "a number",
        JsonType::String => "a string",
        JsonType::Array => "an array",
        JsonType::Object => "an object",
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// `integer 256`, `string "80"`, `null`, `an object`.
fn found_text(v: &Value) -> String {
    match v {
        Value::Null | Value::Object(_) | Value::Array(_) => short(v),
        _ => format!("{} {}", json_type(v), short(v)),
    }
}

/// A short rendering of a value for messages.
fn short(v: &Value) -> String {
    match v {
        Value::Object(_) => "an object".into(),
        Value::Array(_) => "an array".into(),
        Value::Null => "null".into(),
        other => {
            let s = other.to_string();
            if s.chars().count() > 40 { format!("{}…", s.chars().take(40).collect::<String>()) } else { s }
        }
    }
}

/// The closest candidate: a case-insensitive match, or one within a small edit distance.
pub fn did_you_mean<'a>(input: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let lower = input.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        if candidate.to_lowercase() == lower {
            return Some(candidate);
        }
        let score = strsim::normalized_damerau_levenshtein(&lower, &candidate.to_lowercase());
        if score >= 0.7 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_compile_and_accept_a_valid_request() {
        let schema = Schema::register_task_definition();
        let valid = serde_json::json!({"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx"}]});
        assert!(schema.validator.is_valid(&valid));
    }

    #[test]
    fn suggestions_and_paths() {
        assert_eq!(
            did_you_mean("memoryReservaton", ["memory", "memoryReservation"].into_iter()),
            Some("memoryReservation")
        );
        assert_eq!(did_you_mean("TCP", ["tcp", "udp"].into_iter()), Some("tcp"));
        assert_eq!(did_you_mean("zzz", ["tcp", "udp"].into_iter()), None);
        assert_eq!(
            botocore_path("/containerDefinitions/0/portMappings/1/hostPort"),
            "containerDefinitions[0].portMappings[1].hostPort"
        );
        assert_eq!(botocore_path(""), "input");
        let schema = Schema::register_task_definition();
        assert!(schema.properties_at("/containerDefinitions/0").contains(&"memoryReservation"));
        assert!(schema.properties_at("").contains(&"family"));
    }
}
