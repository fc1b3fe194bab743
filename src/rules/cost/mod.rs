//! Cost: money at stake, with monthly estimates from the Fargate price table.

mod arm64_would_be_cheaper;
mod container_without_memory_limit;
mod fargate_over_provisioned;
mod paid_ephemeral_storage;

pub use arm64_would_be_cheaper::Arm64WouldBeCheaper;
pub use container_without_memory_limit::ContainerWithoutMemoryLimit;
pub use fargate_over_provisioned::FargateOverProvisioned;
pub use paid_ephemeral_storage::PaidEphemeralStorage;
