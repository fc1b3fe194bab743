//! IAM policies of the roles task definitions use: reading documents, evaluating them, and the
//! AWS data (access levels, managed policies) the role rules need.

pub mod actions;
pub mod evaluate;
pub mod managed;
pub mod policy;
pub mod usage;

pub use evaluate::{Decision, PolicySet};
