//! AWS allows at most 10 containers per task definition, a quota that cannot be raised.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct TooManyContainers {
        code: "ECS-COR-011",
        name: "too-many-containers",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "more than 10 containers in one task definition",
    }
}

/// "Containers per task definition", Amazon ECS service quotas (not adjustable).
const MAX_CONTAINERS: usize = 10;

impl Rule for TooManyContainers {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let count = task.get("containerDefinitions").and_then(Value::as_array).map_or(0, Vec::len);
        if count <= MAX_CONTAINERS {
            return;
        }
        let first_extra = MAX_CONTAINERS + 1;
        cx.report(self, format!("/containerDefinitions/{MAX_CONTAINERS}"))
            .message(format!(
                "{count} containers in one task definition, AWS allows at most {MAX_CONTAINERS}; \
                 AWS rejects it: Too many containers."
            ))
            .label(format!("container {first_extra}, over the limit of {MAX_CONTAINERS}"))
            .help(format!(
                "split the containers over several task definitions (at most {MAX_CONTAINERS} each), \
                 e.g. one per service"
            ))
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-011";

    fn containers(n: usize) -> String {
        let items: Vec<String> =
            (0..n).map(|i| format!(r#"{{"name": "c{i}", "image": "busybox:1.36", "memory": 64}}"#)).collect();
        format!("[{}]", items.join(","))
    }

    fn td(n: usize) -> String {
        format!(r#"{{"family": "web", "containerDefinitions": {}}}"#, containers(n))
    }

    #[test]
    fn fires_above_ten_with_the_aws_text() {
        let messages = assert_fires(CODE, 1, &td(11));
        assert!(messages[0].contains("11 containers in one task definition"));
        assert!(messages[0].contains("AWS rejects it: Too many containers."));
        assert_fires(CODE, 1, &td(25));
    }

    #[test]
    fn accepts_up_to_ten() {
        assert_clean(CODE, &td(1));
        assert_clean(CODE, &td(10));
        assert_clean(CODE, r#"{"family": "web", "containerDefinitions": {"name": "c"}}"#);
    }

    #[test]
    fn applies_to_bare_container_arrays() {
        assert_fires(CODE, 1, &containers(11));
        assert_clean(CODE, &containers(10));
    }
}
