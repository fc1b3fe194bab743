//! Without `requiresCompatibilities: ["FARGATE"]` a task definition is registered for EC2 only, and
//! a Fargate service or run-task that uses it fails; deploy scripts often drop the field.

use crate::context::LintContext;
use crate::data::fargate::size_for_cpu;
use crate::declare_rule;
use crate::model::{Shape, TaskDefinition, TaskSize};
use crate::rule::Rule;
use serde_json::Value;

use super::launch_type_unsupported_parameter::uses_fargate_unsupported;

declare_rule! {
    pub struct FargateCompatibilityMissing {
        code: "ECS-COR-046",
        name: "fargate-compatibility-missing",
        category: Correctness,
        severity: Warning,
        since: "0.1.0",
        summary: "a task definition sized for Fargate that does not declare FARGATE compatibility",
    }
}

const AWS_TEXT: &str = "Task definition does not support launch_type FARGATE.";

impl Rule for FargateCompatibilityMissing {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // A bare container array has no task-level fields at all.
        if task.shape() == Shape::ContainerArray {
            return;
        }
        // Only when no compatibility is declared: an explicit list without FARGATE is a choice.
        let written_empty = match task.get("requiresCompatibilities") {
            None | Some(Value::Null) => false,
            Some(Value::Array(items)) if items.is_empty() => true,
            Some(_) => return,
        };
        if task.network_mode() != Some("awsvpc") {
            return;
        }
        let (Some(TaskSize::Units(cpu)), Some(TaskSize::Units(memory))) = (task.cpu(), task.memory()) else {
            return;
        };
        let Some(size) = size_for_cpu(cpu) else {
            return;
        };
        if !size.memory.allows(memory) || (task.is_windows() && size.linux_only) {
            return;
        }
        // Something Fargate does not support (privileged, a Docker volume, gelf, …) marks an EC2 task.
        if uses_fargate_unsupported(task) {
            return;
        }
        let (pointer, label) = if written_empty {
            ("/requiresCompatibilities", "no compatibility declared")
        } else {
            ("/networkMode", "awsvpc with a Fargate task size, but no requiresCompatibilities")
        };
        let mut builder = cx
            .report(self, pointer)
            .message(format!(
                "the task definition has the shape of a Fargate task (networkMode awsvpc, {cpu} CPU, {memory} MiB) \
                 but does not declare FARGATE in `requiresCompatibilities`, so AWS registers it for EC2 only; a \
                 Fargate service or run-task then fails with: {AWS_TEXT}"
            ))
            .label(label);
        if written_empty {
            builder = builder.related("/networkMode", "awsvpc");
        }
        builder
            .related("/cpu", "a Fargate task size")
            .help(
                "add \"requiresCompatibilities\": [\"FARGATE\"] if it runs on Fargate; if it runs on EC2, declare \
                 [\"EC2\"] to say so",
            )
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-046";

    fn td(compat: &str, network: &str, cpu: &str, memory: &str) -> String {
        format!(
            r#"{{"family": "web", {compat} {network} "cpu": {cpu}, "memory": {memory},
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27"}}]}}"#
        )
    }

    const AWSVPC: &str = r#""networkMode": "awsvpc","#;

    #[test]
    fn fires_on_a_fargate_shaped_definition_without_compatibility() {
        let messages = assert_fires(CODE, 1, &td("", AWSVPC, r#""256""#, r#""512""#));
        assert!(messages[0].contains("(networkMode awsvpc, 256 CPU, 512 MiB)"));
        assert!(messages[0].ends_with("Task definition does not support launch_type FARGATE."));
        assert_fires(CODE, 1, &td(r#""requiresCompatibilities": [],"#, AWSVPC, r#""1 vCPU""#, r#""2 GB""#));
        assert_fires(CODE, 1, &td(r#""requiresCompatibilities": null,"#, AWSVPC, "1024", "4096"));
    }

    #[test]
    fn declared_compatibilities_are_respected() {
        assert_clean(CODE, &td(r#""requiresCompatibilities": ["FARGATE"],"#, AWSVPC, r#""256""#, r#""512""#));
        assert_clean(CODE, &td(r#""requiresCompatibilities": ["EC2"],"#, AWSVPC, r#""256""#, r#""512""#));
        assert_clean(CODE, &td(r#""requiresCompatibilities": ["${COMPAT}"],"#, AWSVPC, r#""256""#, r#""512""#));
    }

    #[test]
    fn needs_awsvpc_and_a_fargate_size() {
        assert_clean(CODE, &td("", "", r#""256""#, r#""512""#));
        assert_clean(CODE, &td("", r#""networkMode": "bridge","#, r#""256""#, r#""512""#));
        assert_clean(CODE, &td("", AWSVPC, r#""512""#, r#""512""#));
        assert_clean(CODE, &td("", AWSVPC, r#""128""#, r#""512""#));
        assert_clean(CODE, &td("", AWSVPC, r#""${CPU}""#, r#""512""#));
        let windows_small = r#""runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},"#;
        assert_clean(CODE, &td(windows_small, AWSVPC, r#""256""#, r#""512""#));
    }

    #[test]
    fn ec2_only_features_mark_an_ec2_task() {
        let ec2 = r#"{"family": "web", "networkMode": "awsvpc", "cpu": "256", "memory": "512",
            "containerDefinitions": [{"name": "app", "image": "nginx:1.27", "privileged": true}]}"#;
        assert_clean(CODE, ec2);
        let gelf = r#"{"family": "web", "networkMode": "awsvpc", "cpu": "256", "memory": "512",
            "containerDefinitions": [{"name": "app", "image": "nginx:1.27", "logConfiguration": {"logDriver": "gelf"}}]}"#;
        assert_clean(CODE, gelf);
    }

    #[test]
    fn bare_container_arrays_are_skipped() {
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx", "cpu": 256, "memory": 512}]"#);
    }
}
