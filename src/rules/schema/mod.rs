//! Schema and input rules: their findings come from the parser, shape detection and the
//! JSON Schema validator rather than from a `check`.

mod byte_order_mark;
mod describe_output;
mod describe_services_output;
mod duplicate_key;
mod invalid_enum_value;
mod invalid_json;
mod invalid_suppression;
mod invalid_type;
mod missing_required_field;
mod not_an_ecs_document;
mod pattern_mismatch;
mod unknown_field;
mod unreadable_path;
mod unused_suppression;
mod value_out_of_range;

pub use byte_order_mark::ByteOrderMark;
pub use describe_output::DescribeTaskDefinitionOutput;
pub use describe_services_output::DescribeServicesOutput;
pub use duplicate_key::DuplicateKey;
pub use invalid_enum_value::InvalidEnumValue;
pub use invalid_json::InvalidJson;
pub use invalid_suppression::InvalidSuppression;
pub use invalid_type::InvalidType;
pub use missing_required_field::MissingRequiredField;
pub use not_an_ecs_document::NotAnEcsDocument;
pub use pattern_mismatch::PatternMismatch;
pub use unknown_field::UnknownField;
pub use unreadable_path::UnreadablePath;
pub use unused_suppression::UnusedSuppression;
pub use value_out_of_range::ValueOutOfRange;
