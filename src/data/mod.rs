//! Tables of AWS facts, each with its source and the date it was checked.

pub mod arn;
pub mod fargate;
pub mod fargate_platform;
pub mod fargate_prices;
pub mod launch_types;
