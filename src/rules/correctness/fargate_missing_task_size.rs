//! Fargate sizes the task from task-level `cpu` and `memory`, so AWS requires both.

use crate::context::LintContext;
use crate::data::fargate::{self, size_for_cpu};
use crate::declare_rule;
use crate::model::{TaskDefinition, TaskSize};
use crate::rule::Rule;

declare_rule! {
    pub struct FargateMissingTaskSize {
        code: "ECS-COR-003",
        name: "fargate-missing-task-size",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a Fargate task definition without task-level cpu or memory",
    }
}

impl Rule for FargateMissingTaskSize {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if !task.is_fargate() {
            return;
        }
        let fargate = task.fargate_pointer();
        if !task.has("cpu") {
            let help = match task.memory() {
                Some(TaskSize::Units(memory)) if !fargate::cpus_for_memory(memory).is_empty() => {
                    let fits: Vec<String> = fargate::cpus_for_memory(memory).iter().map(u64::to_string).collect();
                    format!("add a task-level `cpu`; with {memory} MiB of memory use {}", fits.join(" or "))
                }
                _ => "add a task-level `cpu`, e.g. \"256\" (.25 vCPU) or \"1 vCPU\"".to_string(),
            };
            self.report(cx, &fargate, "cpu", help);
        }
        if !task.has("memory") {
            let help = match task.cpu() {
                Some(TaskSize::Units(cpu)) => match size_for_cpu(cpu) {
                    Some(size) => {
                        format!("add a task-level `memory`; with {cpu} CPU units use {}", size.memory.describe())
                    }
                    None => "add a task-level `memory` that fits the task CPU".to_string(),
                },
                _ => "add a task-level `memory`, e.g. \"512\" (MiB) or \"2 GB\"".to_string(),
            };
            self.report(cx, &fargate, "memory", help);
        }
    }
}

impl FargateMissingTaskSize {
    fn report(&self, cx: &mut LintContext<'_>, fargate: &str, field: &str, help: String) {
        cx.report(self, fargate)
            .message(format!(
                "a Fargate task definition without task-level `{field}`; AWS rejects it: \
                 Fargate requires that '{field}' be defined at the task level."
            ))
            .label(format!("Fargate needs task-level `{field}`"))
            .help(help)
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-003";

    fn td(compat: &str, size: &str) -> String {
        format!(
            r#"{{"family": "web", "requiresCompatibilities": {compat}, "networkMode": "awsvpc", {size}
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "cpu": 256, "memory": 512}}]}}"#
        )
    }

    #[test]
    fn fires_once_per_missing_field_with_the_aws_text() {
        let messages = assert_fires(CODE, 2, &td(r#"["FARGATE"]"#, ""));
        assert!(messages[0].contains("Fargate requires that 'cpu' be defined at the task level."));
        assert!(messages[1].contains("Fargate requires that 'memory' be defined at the task level."));
        let messages = assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, r#""cpu": "256","#));
        assert!(messages[0].contains("'memory'"));
        let messages = assert_fires(CODE, 1, &td(r#"["EC2", "FARGATE"]"#, r#""memory": "1 GB","#));
        assert!(messages[0].contains("'cpu'"));
        assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, r#""cpu": null, "memory": "512","#));
    }

    #[test]
    fn accepts_sizes_even_when_opaque_or_invalid() {
        assert_clean(CODE, &td(r#"["FARGATE"]"#, r#""cpu": "256", "memory": "512","#));
        assert_clean(CODE, &td(r#"["FARGATE"]"#, r#""cpu": "${CPU}", "memory": "{{ mem }}","#));
        // A wrong or empty value is ECS-COR-001's finding, not this rule's.
        assert_clean(CODE, &td(r#"["FARGATE"]"#, r#""cpu": "", "memory": "lots","#));
    }

    #[test]
    fn ignores_ec2_and_bare_container_arrays() {
        assert_clean(CODE, &td(r#"["EC2"]"#, ""));
        assert_clean(CODE, &td("[]", ""));
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx", "cpu": 256}]"#);
    }
}
