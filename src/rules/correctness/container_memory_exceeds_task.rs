//! Containers cannot be given more memory than the task has: AWS rejects the registration.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Shape, TaskDefinition, TaskSize};
use crate::rule::Rule;

declare_rule! {
    pub struct ContainerMemoryExceedsTask {
        code: "ECS-COR-008",
        name: "container-memory-exceeds-task",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "container memory exceeds the task memory",
    }
}

impl Rule for ContainerMemoryExceedsTask {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if task.shape() == Shape::ContainerArray {
            return;
        }
        // AWS documents that task-level memory is ignored for Windows containers on EC2.
        if task.is_windows() && !task.is_fargate() {
            return;
        }
        let Some(TaskSize::Units(task_memory)) = task.memory() else {
            return;
        };
        if task_memory == 0 {
            return;
        }
        let containers = task.containers();

        // A hard limit above the task memory.
        let mut reported = false;
        for container in &containers {
            let Some(memory) = container.int("memory") else {
                continue;
            };
            if u64::try_from(memory).map_or(true, |m| m <= task_memory) {
                continue;
            }
            reported = true;
            let name = container.label();
            cx.report(self, container.at("memory"))
                .message(format!(
                    "container `{name}` has a hard memory limit of {memory} MiB but the task has only \
                     {task_memory} MiB; AWS rejects it: The 'memory' setting for container '{name}' is \
                     greater than for the task."
                ))
                .label(format!("above the task's {task_memory} MiB"))
                .related("/memory", format!("task memory {task_memory} MiB"))
                .help(format!("lower `memory` to at most {task_memory}, or raise the task `memory`"))
                .emit();
        }
        if reported {
            return;
        }

        // The memory the containers reserve: memoryReservation, else memory. Values that are not
        // known integers count as 0, so the sum is a lower bound and a finding is certain.
        let mut total: u64 = 0;
        let mut parts = Vec::new();
        for container in &containers {
            let field = if container.has("memoryReservation") { "memoryReservation" } else { "memory" };
            let Some(value) = container.int(field).and_then(|v| u64::try_from(v).ok()).filter(|v| *v > 0) else {
                continue;
            };
            total = total.saturating_add(value);
            parts.push((container.at(field), container.label(), field, value));
        }
        if total <= task_memory {
            return;
        }
        let mut builder = cx
            .report(self, "/memory")
            .message(format!(
                "the containers reserve {total} MiB in total but the task has only {task_memory} MiB; \
                 AWS rejects it: The sum of all container 'memoryReservation' values cannot be greater \
                 than the value of the task 'memory'."
            ))
            .label(format!("{task_memory} MiB, less than the {total} MiB reserved"));
        for (pointer, name, field, value) in parts {
            builder = builder.related(pointer, format!("`{name}` {field} {value} MiB"));
        }
        builder
            .help(format!(
                "raise the task `memory` to at least {total}, or lower the containers' `memoryReservation` \
                 (or `memory` where no reservation is set)"
            ))
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-008";

    fn td(memory: &str, containers: &str) -> String {
        format!(
            r#"{{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
               "cpu": "512", "memory": {memory}, "containerDefinitions": [{containers}]}}"#
        )
    }

    #[test]
    fn fires_on_a_hard_limit_above_the_task_with_the_aws_text() {
        let messages =
            assert_fires(CODE, 1, &td(r#""1024""#, r#"{"name": "worker", "image": "nginx", "memory": 2048}"#));
        assert!(messages[0].contains("The 'memory' setting for container 'worker' is greater than for the task."));
        // "2 GB" is 2048 MiB.
        assert_fires(CODE, 1, &td(r#""2 GB""#, r#"{"name": "worker", "image": "nginx", "memory": 3072}"#));
    }

    #[test]
    fn fires_once_on_reservations_adding_up_past_the_task() {
        let containers = r#"{"name": "a", "image": "nginx", "memoryReservation": 768, "memory": 1024},
                            {"name": "b", "image": "nginx", "memory": 512}"#;
        let messages = assert_fires(CODE, 1, &td(r#""1024""#, containers));
        assert!(messages[0].contains("reserve 1280 MiB in total"));
        assert!(messages[0].contains("The sum of all container 'memoryReservation' values"));
    }

    #[test]
    fn equal_to_the_task_is_fine() {
        assert_clean(CODE, &td(r#""1024""#, r#"{"name": "a", "image": "nginx", "memory": 1024}"#));
        let containers = r#"{"name": "a", "image": "nginx", "memoryReservation": 512, "memory": 1024},
                            {"name": "b", "image": "nginx", "memoryReservation": 512}"#;
        assert_clean(CODE, &td(r#""1024""#, containers));
    }

    #[test]
    fn reservation_replaces_the_hard_limit_in_the_sum() {
        let containers = r#"{"name": "a", "image": "nginx", "memoryReservation": 256, "memory": 1024},
                            {"name": "b", "image": "nginx", "memoryReservation": 256, "memory": 1024}"#;
        assert_clean(CODE, &td(r#""1024""#, containers));
    }

    #[test]
    fn silent_without_a_known_task_memory() {
        let big = r#"{"name": "a", "image": "nginx", "memory": 4096}"#;
        assert_clean(CODE, &td(r#""${MEMORY}""#, big));
        assert_clean(CODE, &td(r#""lots""#, big));
        assert_clean(CODE, &td("null", big));
        assert_clean(CODE, &format!(r#"{{"family": "w", "containerDefinitions": [{big}]}}"#));
        assert_clean(CODE, &format!("[{big}]"));
    }

    #[test]
    fn placeholders_count_as_unknown() {
        let containers = r#"{"name": "a", "image": "nginx", "memory": "${A}"},
                            {"name": "b", "image": "nginx", "memoryReservation": "${B}", "memory": 1024}"#;
        assert_clean(CODE, &td(r#""1024""#, containers));
    }

    #[test]
    fn silent_for_windows_on_ec2() {
        let windows = r#"{"family": "w", "memory": "1024",
            "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
            "containerDefinitions": [{"name": "a", "image": "mcr.microsoft.com/windows/servercore", "memory": 2048}]}"#;
        assert_clean(CODE, windows);
    }
}
