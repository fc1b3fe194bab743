//! Availability: tasks and containers that fail or stall at run time.

mod awslogs_blocking_mode;
mod essential_container_without_health_check;
mod health_check_cannot_pass;
mod invalid_restart_policy;
mod one_shot_container_essential;

pub use awslogs_blocking_mode::AwslogsBlockingMode;
pub use essential_container_without_health_check::EssentialContainerWithoutHealthCheck;
pub use health_check_cannot_pass::HealthCheckCannotPass;
pub use invalid_restart_policy::InvalidRestartPolicy;
pub use one_shot_container_essential::OneShotContainerEssential;
