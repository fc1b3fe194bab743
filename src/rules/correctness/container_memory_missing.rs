//! Without task-level memory, AWS needs each container's memory or memoryReservation to place it.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Shape, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct ContainerMemoryMissing {
        code: "ECS-COR-010",
        name: "container-memory-missing",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "an EC2 container without memory or memoryReservation in a task without task memory",
    }
}

impl Rule for ContainerMemoryMissing {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // A bare container array has no task level; Fargate's missing task memory is its own rule.
        // Any written task memory (even a placeholder or an invalid one) counts as present.
        if task.shape() == Shape::ContainerArray || task.is_fargate() || task.has("memory") {
            return;
        }
        for container in task.containers() {
            if !container.value().is_object() || container.has("memory") || container.has("memoryReservation") {
                continue;
            }
            let name = container.label();
            cx.report(self, container.pointer())
                .on_key()
                .message(format!(
                    "container `{name}` sets neither `memory` nor `memoryReservation` and the task has no \
                     task-level `memory`; AWS rejects it: Invalid setting for container '{name}'. At least \
                     one of 'memory' or 'memoryReservation' must be specified."
                ))
                .label("no `memory` or `memoryReservation`")
                .help(
                    "set `memoryReservation` (soft limit, in MiB) or `memory` (hard limit) on the container, \
                     or set the task-level `memory`",
                )
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-010";

    fn td(task_fields: &str, container_fields: &str) -> String {
        format!(
            r#"{{"family": "web", {task_fields} "containerDefinitions": [
                {{"name": "my-container", "image": "nginx:1.27" {container_fields}}}]}}"#
        )
    }

    #[test]
    fn fires_on_ec2_without_any_memory_with_the_aws_text() {
        let messages = assert_fires(CODE, 1, &td("", ""));
        assert!(messages[0].contains(
            "Invalid setting for container 'my-container'. At least one of 'memory' or 'memoryReservation' must be specified."
        ));
        assert_fires(CODE, 1, &td(r#""requiresCompatibilities": ["EC2"],"#, ""));
        assert_fires(CODE, 1, &td(r#""memory": null,"#, r#", "memory": null"#));
    }

    #[test]
    fn either_limit_or_task_memory_is_enough() {
        assert_clean(CODE, &td("", r#", "memory": 512"#));
        assert_clean(CODE, &td("", r#", "memoryReservation": 256"#));
        assert_clean(CODE, &td(r#""memory": "1024","#, ""));
        assert_clean(CODE, &td(r#""memory": "1 GB","#, ""));
    }

    #[test]
    fn placeholders_count_as_present() {
        assert_clean(CODE, &td(r#""memory": "${TASK_MEMORY}","#, ""));
        assert_clean(CODE, &td("", r#", "memoryReservation": "${MEM}""#));
    }

    #[test]
    fn silent_for_fargate_and_bare_arrays() {
        let fargate = r#""requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256","#;
        assert_clean(CODE, &td(fargate, ""));
        assert_clean(CODE, r#"[{"name": "a", "image": "nginx"}]"#);
    }
}
