//! `ecslint server`: a Language Server over stdio. Diagnostics on open, change and save;
//! quick fixes for describe output; position encoding negotiated (UTF-8 when offered).
//!
//! - `position`: byte offsets ↔ LSP positions
//! - `uri`: file URIs ↔ paths
//! - `lint`: settings for a document's path, lint, keep non-ECS JSON silent
//! - `convert`: ecslint diagnostics → LSP diagnostics
//! - `actions`: the quick fix
//! - `server`: the connection, the handshake and the message loop

mod actions;
mod convert;
mod lint;
pub mod position;
mod server;
mod uri;

pub use server::run;
