//! Cost: money at stake, with monthly estimates from the Fargate price table.

mod arm64_would_be_cheaper;
mod container_without_memory_limit;
mod fargate_over_provisioned;
mod fargate_spot_for_non_production;
mod paid_ephemeral_storage;

pub use arm64_would_be_cheaper::Arm64WouldBeCheaper;
pub use container_without_memory_limit::ContainerWithoutMemoryLimit;
pub use fargate_over_provisioned::FargateOverProvisioned;
pub use fargate_spot_for_non_production::FargateSpotForNonProduction;
pub use paid_ephemeral_storage::PaidEphemeralStorage;
