//! A container's hard limit (`memory`) below its soft limit (`memoryReservation`) is rejected.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct MemoryBelowReservation {
        code: "ECS-COR-007",
        name: "memory-below-reservation",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a container's memory limit is below its memoryReservation",
    }
}

impl Rule for MemoryBelowReservation {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            let (Some(memory), Some(reservation)) = (container.int("memory"), container.int("memoryReservation"))
            else {
                continue;
            };
            // Equal values are valid: AWS requires memory >= memoryReservation.
            if memory >= reservation {
                continue;
            }
            cx.report(self, container.at("memoryReservation"))
                .message(format!(
                    "container `{}` reserves {reservation} MiB (`memoryReservation`) but its hard limit \
                     `memory` is only {memory} MiB; AWS requires `memory` to be greater than or equal to \
                     `memoryReservation`",
                    container.label()
                ))
                .label(format!("soft limit {reservation} MiB is above the hard limit"))
                .related(container.at("memory"), format!("hard limit {memory} MiB"))
                .help(format!(
                    "raise `memory` to at least {reservation}, or lower `memoryReservation` to at most {memory}"
                ))
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-007";

    fn td(container_fields: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [
                {{"name": "app", "image": "nginx:1.27" {container_fields}}}]}}"#
        )
    }

    #[test]
    fn fires_when_the_limit_is_below_the_reservation() {
        let messages = assert_fires(CODE, 1, &td(r#", "memory": 256, "memoryReservation": 512"#));
        assert!(messages[0].contains("container `app` reserves 512 MiB"));
        assert!(messages[0].contains("only 256 MiB"));
    }

    #[test]
    fn equal_values_are_fine() {
        assert_clean(CODE, &td(r#", "memory": 512, "memoryReservation": 512"#));
        assert_clean(CODE, &td(r#", "memory": 1024, "memoryReservation": 512"#));
    }

    #[test]
    fn one_of_the_two_alone_is_fine() {
        assert_clean(CODE, &td(r#", "memoryReservation": 512"#));
        assert_clean(CODE, &td(r#", "memory": 128"#));
        assert_clean(CODE, &td(""));
        assert_clean(CODE, &td(r#", "memory": null, "memoryReservation": 512"#));
    }

    #[test]
    fn ignores_placeholders_and_wrong_types() {
        assert_clean(CODE, &td(r#", "memory": "${MEM}", "memoryReservation": 512"#));
        assert_clean(CODE, &td(r#", "memory": 256, "memoryReservation": "{{ reservation }}""#));
        assert_clean(CODE, &td(r#", "memory": "256", "memoryReservation": 512"#));
        assert_clean(CODE, &td(r#", "memory": [256], "memoryReservation": {"a": 1}"#));
    }

    #[test]
    fn checks_bare_container_arrays_and_every_container() {
        let array = r#"[{"name": "a", "image": "nginx", "memory": 64, "memoryReservation": 128},
                        {"name": "b", "image": "nginx", "memory": 32, "memoryReservation": 64}]"#;
        let messages = assert_fires(CODE, 2, array);
        assert!(messages[1].contains("container `b`"));
    }
}
