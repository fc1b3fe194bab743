//! Availability: tasks and containers that fail or stall at run time.

mod all_spot_capacity;
mod availability_zone_rebalancing_disabled;
mod awslogs_blocking_mode;
mod essential_container_without_health_check;
mod health_check_cannot_pass;
mod invalid_restart_policy;
mod load_balanced_container_without_health_check;
mod low_desired_count;
mod no_availability_zone_spread;
mod no_deployment_alarms;
mod no_deployment_circuit_breaker;
mod one_shot_container_essential;
mod placement_pins_one_availability_zone;
mod single_subnet;
mod zero_desired_count;

pub use all_spot_capacity::AllSpotCapacity;
pub use availability_zone_rebalancing_disabled::AvailabilityZoneRebalancingDisabled;
pub use awslogs_blocking_mode::AwslogsBlockingMode;
pub use essential_container_without_health_check::EssentialContainerWithoutHealthCheck;
pub use health_check_cannot_pass::HealthCheckCannotPass;
pub use invalid_restart_policy::InvalidRestartPolicy;
pub use load_balanced_container_without_health_check::LoadBalancedContainerWithoutHealthCheck;
pub use low_desired_count::LowDesiredCount;
pub use no_availability_zone_spread::NoAvailabilityZoneSpread;
pub use no_deployment_alarms::NoDeploymentAlarms;
pub use no_deployment_circuit_breaker::NoDeploymentCircuitBreaker;
pub use one_shot_container_essential::OneShotContainerEssential;
pub use placement_pins_one_availability_zone::PlacementPinsOneAvailabilityZone;
pub use single_subnet::SingleSubnet;
pub use zero_desired_count::ZeroDesiredCount;
