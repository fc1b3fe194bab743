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

use crate::data::fargate::size_for_cpu;
use crate::data::fargate_prices::{FREE_EPHEMERAL_GIB, Platform};
use crate::model::known::{is_present, known_str};
use crate::model::{TaskDefinition, TaskSize};
use serde_json::Value;

/// What a Fargate task is priced as, from `runtimePlatform` and its defaults (Linux, X86_64).
/// `None` when the platform cannot be known (a placeholder or a value AWS does not accept).
fn platform(task: &TaskDefinition<'_>) -> Option<Platform> {
    let runtime = match task.get("runtimePlatform") {
        None | Some(Value::Null) => return Some(Platform::LinuxX86),
        Some(Value::Object(runtime)) => runtime,
        Some(_) => return None,
    };
    let os = runtime.get("operatingSystemFamily");
    if is_present(os) {
        match known_str(os) {
            Some("LINUX") => {}
            Some(family) if family.starts_with("WINDOWS_SERVER_") => return Some(Platform::Windows),
            _ => return None,
        }
    }
    let arch = runtime.get("cpuArchitecture");
    if !is_present(arch) {
        return Some(Platform::LinuxX86);
    }
    match known_str(arch) {
        Some("X86_64") => Some(Platform::LinuxX86),
        Some("ARM64") => Some(Platform::LinuxArm),
        _ => None,
    }
}

/// The task's CPU units and memory (MiB) when both are known and form a Fargate size.
fn fargate_size(task: &TaskDefinition<'_>) -> Option<(u64, u64)> {
    let (Some(TaskSize::Units(cpu)), Some(TaskSize::Units(memory))) = (task.cpu(), task.memory()) else {
        return None;
    };
    let size = size_for_cpu(cpu)?;
    if !size.memory.allows(memory) || (task.is_windows() && size.linux_only) {
        return None;
    }
    Some((cpu, memory))
}

/// `ephemeralStorage.sizeInGiB` when written as a number Fargate accepts (21–200), else the free 20.
fn ephemeral_gib(task: &TaskDefinition<'_>) -> u64 {
    task.get("ephemeralStorage")
        .and_then(|e| e.get("sizeInGiB"))
        .and_then(Value::as_u64)
        .filter(|gib| (FREE_EPHEMERAL_GIB..=200).contains(gib))
        .unwrap_or(FREE_EPHEMERAL_GIB)
}
