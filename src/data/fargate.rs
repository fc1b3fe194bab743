//! Fargate task sizes: which task memory values each task CPU value allows.
//!
//! Source: Amazon ECS Developer Guide, "Task CPU and memory" for AWS Fargate,
//! <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size>,
//! and "Troubleshoot Amazon ECS task definition invalid CPU or memory errors",
//! <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html>;
//! the 32 vCPU sizes as added to cfn-lint (aws-cloudformation/cfn-lint#4668) from the AWS page.
//! Checked: 2026-11-23. AWS adds sizes over time: update this table, never guess.

/// Memory (MiB) allowed for one task CPU value (CPU units; 1024 = 1 vCPU).
#[derive(Debug)]
pub struct FargateSize {
    pub cpu: u64,
    pub memory: MemoryChoices,
    /// Windows containers on Fargate do not offer this CPU value.
    pub linux_only: bool,
}

#[derive(Debug)]
pub enum MemoryChoices {
    List(&'static [u64]),
    /// From `min` to `max` inclusive in `step` increments.
    Range {
        min: u64,
        max: u64,
        step: u64,
    },
}

impl MemoryChoices {
    pub fn allows(&self, memory: u64) -> bool {
        match self {
            MemoryChoices::List(values) => values.contains(&memory),
            MemoryChoices::Range { min, max, step } => (*min..=*max).contains(&memory) && (memory - min) % step == 0,
        }
    }

    /// Human-readable list, e.g. `1024–4096 MiB in 1024 MiB steps`.
    pub fn describe(&self) -> String {
        match self {
            MemoryChoices::List(values) => {
                let v: Vec<String> = values.iter().map(u64::to_string).collect();
                format!("{} MiB", v.join(", "))
            }
            MemoryChoices::Range { min, max, step } => {
                format!("{min}–{max} MiB in {step} MiB steps")
            }
        }
    }
}

pub const SOURCE: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size";

pub static SIZES: &[FargateSize] = &[
    FargateSize { cpu: 256, memory: MemoryChoices::List(&[512, 1024, 2048]), linux_only: true },
    FargateSize { cpu: 512, memory: MemoryChoices::Range { min: 1024, max: 4096, step: 1024 }, linux_only: true },
    FargateSize { cpu: 1024, memory: MemoryChoices::Range { min: 2048, max: 8192, step: 1024 }, linux_only: false },
    FargateSize { cpu: 2048, memory: MemoryChoices::Range { min: 4096, max: 16384, step: 1024 }, linux_only: false },
    FargateSize { cpu: 4096, memory: MemoryChoices::Range { min: 8192, max: 30720, step: 1024 }, linux_only: false },
    FargateSize { cpu: 8192, memory: MemoryChoices::Range { min: 16384, max: 61440, step: 4096 }, linux_only: false },
    FargateSize { cpu: 16384, memory: MemoryChoices::Range { min: 32768, max: 122880, step: 8192 }, linux_only: false },
    FargateSize { cpu: 32768, memory: MemoryChoices::List(&[61440, 122880, 249856]), linux_only: false },
];

/// The size entry for a CPU value.
pub fn size_for_cpu(cpu: u64) -> Option<&'static FargateSize> {
    SIZES.iter().find(|s| s.cpu == cpu)
}

/// CPU values that allow the given memory.
pub fn cpus_for_memory(memory: u64) -> Vec<u64> {
    SIZES.iter().filter(|s| s.memory.allows(memory)).map(|s| s.cpu).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_the_documented_pairs() {
        assert!(size_for_cpu(256).unwrap().memory.allows(512));
        assert!(!size_for_cpu(512).unwrap().memory.allows(512));
        assert!(size_for_cpu(4096).unwrap().memory.allows(30720));
        assert!(!size_for_cpu(8192).unwrap().memory.allows(18432));
        assert!(size_for_cpu(8192).unwrap().memory.allows(20480));
        assert!(size_for_cpu(32768).unwrap().memory.allows(249856));
        assert_eq!(cpus_for_memory(2048), [256, 512, 1024]);
    }
}
