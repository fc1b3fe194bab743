//! Containers cannot be given more CPU units than the task has: AWS rejects the registration.

use crate::context::LintContext;
use crate::data::fargate;
use crate::declare_rule;
use crate::model::{Shape, TaskDefinition, TaskSize};
use crate::rule::Rule;

declare_rule! {
    pub struct ContainerCpuExceedsTask {
        code: "ECS-COR-009",
        name: "container-cpu-exceeds-task",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "the containers' CPU units add up to more than the task CPU",
    }
}

const AWS_TEXT: &str = "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.";

impl Rule for ContainerCpuExceedsTask {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if task.shape() == Shape::ContainerArray {
            return;
        }
        // AWS documents that task-level CPU is ignored for Windows containers on EC2.
        if task.is_windows() && !task.is_fargate() {
            return;
        }
        let Some(TaskSize::Units(task_cpu)) = task.cpu() else {
            return;
        };
        if task_cpu == 0 {
            return;
        }
        // Container CPU units as known positive integers; anything else counts as 0, so the sum
        // is a lower bound and a finding is certain.
        let cpus: Vec<_> = task
            .containers()
            .into_iter()
            .filter_map(|c| {
                let cpu = c.int("cpu").and_then(|v| u64::try_from(v).ok())?;
                (cpu > 0).then_some((c, cpu))
            })
            .collect();

        let mut reported = false;
        for (container, cpu) in &cpus {
            if *cpu <= task_cpu {
                continue;
            }
            reported = true;
            cx.report(self, container.at("cpu"))
                .message(format!(
                    "container `{}` alone asks for {cpu} CPU units but the task has only {task_cpu}; \
                     AWS rejects it: {AWS_TEXT}",
                    container.label()
                ))
                .label(format!("above the task's {task_cpu} CPU units"))
                .related("/cpu", format!("task CPU {task_cpu} units"))
                .help(format!("lower the container `cpu` to at most {task_cpu}, or raise the task `cpu`"))
                .emit();
        }
        if reported {
            return;
        }

        let total = cpus.iter().fold(0u64, |sum, (_, cpu)| sum.saturating_add(*cpu));
        if total <= task_cpu {
            return;
        }
        let mut builder = cx
            .report(self, "/cpu")
            .message(format!(
                "the containers ask for {total} CPU units in total but the task has only {task_cpu}; \
                 AWS rejects it: {AWS_TEXT}"
            ))
            .label(format!("{task_cpu} units, less than the {total} the containers ask for"));
        for (container, cpu) in &cpus {
            builder = builder.related(container.at("cpu"), format!("`{}` cpu {cpu}", container.label()));
        }
        // On Fargate the task CPU must also be one of the Fargate sizes.
        let fargate_size = task
            .is_fargate()
            .then(|| fargate::SIZES.iter().map(|s| s.cpu).find(|cpu| *cpu >= total))
            .flatten()
            .filter(|cpu| *cpu != total)
            .map(|cpu| format!(" (on Fargate: {cpu})"))
            .unwrap_or_default();
        builder
            .help(format!(
                "raise the task `cpu` to at least {total}{fargate_size}, or lower the containers' `cpu` \
                 so they add up to at most {task_cpu}"
            ))
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-009";

    fn td(cpu: &str, containers: &str) -> String {
        format!(
            r#"{{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
               "cpu": {cpu}, "memory": "2048", "containerDefinitions": [{containers}]}}"#
        )
    }

    #[test]
    fn fires_when_the_sum_exceeds_the_task_with_the_aws_text() {
        let containers = r#"{"name": "app", "image": "nginx", "cpu": 512},
                            {"name": "otel", "image": "otel/collector", "cpu": 256}"#;
        let messages = assert_fires(CODE, 1, &td(r#""512""#, containers));
        assert!(messages[0].contains("ask for 768 CPU units in total but the task has only 512"));
        assert!(
            messages[0]
                .contains("The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.")
        );
    }

    #[test]
    fn fires_on_a_single_container_above_the_task_without_repeating_the_sum() {
        let containers = r#"{"name": "app", "image": "nginx", "cpu": 2048},
                            {"name": "side", "image": "busybox", "cpu": 128}"#;
        let messages = assert_fires(CODE, 1, &td(r#""1 vCPU""#, containers));
        assert!(messages[0].contains("container `app` alone asks for 2048 CPU units"));
    }

    #[test]
    fn equal_to_the_task_is_fine() {
        let containers = r#"{"name": "app", "image": "nginx", "cpu": 768},
                            {"name": "side", "image": "busybox", "cpu": 256}"#;
        assert_clean(CODE, &td(r#""1024""#, containers));
        assert_clean(CODE, &td(r#""1024""#, r#"{"name": "app", "image": "nginx"}"#));
    }

    #[test]
    fn applies_on_ec2_too() {
        let ec2 = r#"{"family": "w", "cpu": "256", "containerDefinitions": [
            {"name": "a", "image": "nginx", "cpu": 512, "memory": 128}]}"#;
        assert_fires(CODE, 1, ec2);
    }

    #[test]
    fn silent_without_a_known_task_cpu() {
        let big = r#"{"name": "a", "image": "nginx", "cpu": 4096}"#;
        assert_clean(CODE, &td(r#""${CPU}""#, big));
        assert_clean(CODE, &td(r#""many""#, big));
        assert_clean(CODE, &td("null", big));
        assert_clean(CODE, &format!(r#"{{"family": "w", "containerDefinitions": [{big}]}}"#));
        assert_clean(CODE, &format!("[{big}]"));
    }

    #[test]
    fn placeholders_and_wrong_types_count_as_unknown() {
        let containers = r#"{"name": "a", "image": "nginx", "cpu": "${A}"},
                            {"name": "b", "image": "nginx", "cpu": "2048"},
                            {"name": "c", "image": "nginx", "cpu": -5}"#;
        assert_clean(CODE, &td(r#""256""#, containers));
    }

    #[test]
    fn silent_for_windows_on_ec2() {
        let windows = r#"{"family": "w", "cpu": "1024",
            "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2019_FULL"},
            "containerDefinitions": [{"name": "a", "image": "mcr.microsoft.com/windows/servercore", "cpu": 2048, "memory": 2048}]}"#;
        assert_clean(CODE, windows);
    }
}
