//! On EC2 a container with only a soft memory limit may grow into all of the instance's free memory.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Shape, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct ContainerWithoutMemoryLimit {
        code: "ECS-COST-004",
        name: "container-without-memory-limit",
        category: Cost,
        severity: Warning,
        since: "0.1.0",
        summary: "an EC2 container without a hard memory limit",
    }
}

impl Rule for ContainerWithoutMemoryLimit {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // Fargate bounds every task by its task size; a bare container array's launch type is unknown.
        if task.shape() == Shape::ContainerArray || task.is_fargate() {
            return;
        }
        // On Linux a task-level `memory` caps the whole task; Windows ignores it.
        let windows = task.is_windows();
        if task.has("memory") && !windows {
            return;
        }
        for container in task.containers() {
            if !container.value().is_object() || container.has("memory") {
                continue;
            }
            let name = container.display();
            if container.has("memoryReservation") {
                let soft = container.int("memoryReservation").map_or_else(String::new, |m| format!(" ({m} MiB)"));
                cx.report(self, container.at("memoryReservation"))
                    .message(format!(
                        "container {name} has only a soft memory limit{soft} and no hard `memory` limit; it can \
                         grow into all free memory of the container instance and starve the other tasks there"
                    ))
                    .label("soft limit only")
                    .help(
                        "set `memory` (the hard limit in MiB, above `memoryReservation`) to the most the container \
                         may use; the container is stopped if it goes above it",
                    )
                    .emit();
            } else if task.has("memory") {
                // Windows: the task-level memory is ignored, so nothing limits the container.
                cx.report(self, container.pointer())
                    .on_key()
                    .message(format!(
                        "Windows container {name} has no hard `memory` limit and Windows ignores the task-level \
                         `memory`; it can grow into all free memory of the container instance"
                    ))
                    .label("no `memory`")
                    .help("set `memory` (the hard limit in MiB) on the container")
                    .emit();
            }
            // Neither limit and no task memory: container-memory-missing (ECS-COR-010) reports it.
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COST-004";

    fn td(task_fields: &str, container_fields: &str) -> String {
        format!(
            r#"{{"family": "web", {task_fields} "containerDefinitions": [
                {{"name": "app", "image": "nginx:1.27" {container_fields}}}]}}"#
        )
    }

    #[test]
    fn fires_on_a_soft_limit_only() {
        let messages = assert_fires(CODE, 1, &td("", r#", "memoryReservation": 256"#));
        assert!(
            messages[0].contains("container `app` has only a soft memory limit (256 MiB) and no hard `memory` limit"),
            "{messages:?}"
        );
        assert_fires(CODE, 1, &td(r#""requiresCompatibilities": ["EC2"],"#, r#", "memoryReservation": 256"#));
        assert_fires(CODE, 1, &td(r#""requiresCompatibilities": ["EXTERNAL"],"#, r#", "memoryReservation": 256"#));
        assert_fires(CODE, 1, &td("", r#", "memoryReservation": 256, "memory": null"#));
    }

    #[test]
    fn windows_ignores_the_task_memory() {
        let windows = r#""runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"}, "memory": "2048","#;
        let messages = assert_fires(CODE, 1, &td(windows, ""));
        assert!(messages[0].contains("Windows ignores the task-level `memory`"), "{messages:?}");
        assert_clean(CODE, &td(windows, r#", "memory": 1024"#));
    }

    #[test]
    fn clean_with_a_hard_limit_or_a_task_memory() {
        assert_clean(CODE, &td("", r#", "memory": 512"#));
        assert_clean(CODE, &td("", r#", "memory": 512, "memoryReservation": 256"#));
        assert_clean(CODE, &td(r#""memory": "1024","#, r#", "memoryReservation": 256"#));
        assert_clean(CODE, &td(r#""memory": "${TASK_MEMORY}","#, r#", "memoryReservation": 256"#));
        assert_clean(CODE, &td("", r#", "memory": "${MEMORY}", "memoryReservation": 256"#));
    }

    #[test]
    fn leaves_the_rejected_case_to_container_memory_missing() {
        // Neither limit and no task memory: ECS-COR-010 reports the AWS rejection.
        assert_clean(CODE, &td("", ""));
    }

    #[test]
    fn silent_on_fargate_and_for_bare_arrays() {
        let fargate =
            r#""requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512","#;
        assert_clean(CODE, &td(fargate, r#", "memoryReservation": 256"#));
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx", "memoryReservation": 256}]"#);
    }
}
