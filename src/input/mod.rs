//! Everything between a path and canonical resources: discovery, reading, parsing, shapes.

pub mod detect;
pub mod discover;
pub mod fix;
pub mod json;
pub mod read;
pub mod yaml;
