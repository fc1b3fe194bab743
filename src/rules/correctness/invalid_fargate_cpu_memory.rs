//! Fargate accepts only the documented task CPU × memory pairs (`data::fargate`).

use crate::context::LintContext;
use crate::data::fargate::{self, size_for_cpu};
use crate::declare_rule;
use crate::model::{TaskDefinition, TaskSize};
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidFargateCpuMemory {
        code: "ECS-COR-001",
        name: "invalid-fargate-cpu-memory",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "task CPU and memory are not a size Fargate offers",
    }
}

impl Rule for InvalidFargateCpuMemory {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if !task.is_fargate() {
            return;
        }
        let (cpu, memory) = (task.cpu(), task.memory());
        for (field, size) in [("cpu", cpu), ("memory", memory)] {
            if size == Some(TaskSize::Invalid) {
                cx.report(self, format!("/{field}"))
                    .message(format!(
                        "task `{field}` is not a number AWS understands; AWS rejects it: Invalid '{field}' setting for task."
                    ))
                    .label("not a valid size")
                    .help(format!("write `{field}` as units, e.g. \"1024\", or as \"1 vCPU\" / \"2 GB\""))
                    .emit();
            }
        }
        let Some(TaskSize::Units(cpu)) = cpu else {
            return;
        };
        let Some(size) = size_for_cpu(cpu) else {
            let valid: Vec<String> = fargate::SIZES.iter().map(|s| s.cpu.to_string()).collect();
            cx.report(self, "/cpu")
                .message(format!(
                    "{cpu} CPU units is not a Fargate task size; AWS rejects it: Invalid 'cpu' setting for task."
                ))
                .label("not a Fargate CPU value")
                .help(format!("use one of {} CPU units", valid.join(", ")))
                .emit();
            return;
        };
        if task.is_windows() && size.linux_only {
            cx.report(self, "/cpu")
                .message(format!(
                    "Windows containers on Fargate need at least 1 vCPU (1024 CPU units), found {cpu}; \
                     AWS rejects it: Invalid 'cpu' setting for task."
                ))
                .label("below the Windows minimum")
                .help("set `cpu` to \"1024\" or more")
                .emit();
            return;
        }
        let Some(TaskSize::Units(memory)) = memory else {
            return;
        };
        if size.memory.allows(memory) {
            return;
        }
        let fits: Vec<String> = fargate::cpus_for_memory(memory).iter().map(u64::to_string).collect();
        let alternative = if fits.is_empty() {
            String::new()
        } else {
            format!(", or keep {memory} MiB with cpu {}", fits.join(" or "))
        };
        cx.report(self, "/memory")
            .message(format!(
                "{cpu} CPU with {memory} MiB memory is not a Fargate size; AWS rejects it: No Fargate configuration \
                 exists for given values: {cpu} CPU, {memory} memory"
            ))
            .label(format!("{cpu} CPU allows {}", size.memory.describe()))
            .related("/cpu", "task CPU set here")
            .help(format!("with {cpu} CPU units use memory {}{alternative}", size.memory.describe()))
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-001";

    fn td(cpu: &str, memory: &str, extra: &str) -> String {
        format!(
            r#"{{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
               "cpu": {cpu}, "memory": {memory}, {extra}
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27"}}]}}"#
        )
    }

    #[test]
    fn accepts_every_documented_form() {
        assert_clean(CODE, &td(r#""256""#, r#""512""#, ""));
        assert_clean(CODE, &td(r#""1 vCPU""#, r#""2 GB""#, ""));
        assert_clean(CODE, &td(r#""16384""#, r#""122880""#, ""));
        assert_clean(CODE, &td(r#""32768""#, r#""249856""#, ""));
        assert_clean(CODE, &td(r#""${CPU}""#, r#""512""#, ""));
    }

    #[test]
    fn rejects_invalid_pairs_with_the_aws_text() {
        let messages = assert_fires(CODE, 1, &td(r#""512""#, r#""512""#, ""));
        assert!(messages[0].contains("No Fargate configuration exists for given values: 512 CPU, 512 memory"));
        assert_fires(CODE, 1, &td(r#""8192""#, r#""18432""#, ""));
        assert_fires(CODE, 1, &td(r#""300""#, r#""1024""#, ""));
        assert_fires(CODE, 1, &td(r#""lots""#, r#""1024""#, ""));
    }

    #[test]
    fn windows_needs_one_vcpu() {
        let windows = r#""runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},"#;
        assert_fires(CODE, 1, &td(r#""512""#, r#""1024""#, windows));
        assert_clean(CODE, &td(r#""1024""#, r#""2048""#, windows));
    }

    #[test]
    fn ignores_ec2_task_definitions() {
        let ec2 = r#"{"family": "w", "cpu": "512", "memory": "512", "containerDefinitions": [{"name": "a", "image": "nginx"}]}"#;
        assert_clean(CODE, ec2);
    }
}
