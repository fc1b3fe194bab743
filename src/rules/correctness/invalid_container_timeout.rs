//! On Fargate, AWS accepts container `startTimeout` and `stopTimeout` values of 2–120 seconds only.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidContainerTimeout {
        code: "ECS-COR-029",
        name: "invalid-container-timeout",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a startTimeout or stopTimeout outside the documented limits",
    }
}

/// ContainerDefinition `startTimeout` and `stopTimeout`: "The valid values for Fargate are 2-120
/// seconds." https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
/// (checked 2026-11-23). No limit is documented for EC2, External or Managed Instances.
const FARGATE_MIN: i64 = 2;
const FARGATE_MAX: i64 = 120;

impl Rule for InvalidContainerTimeout {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if !task.is_fargate() {
            return;
        }
        for container in task.containers() {
            for field in ["startTimeout", "stopTimeout"] {
                let Some(value) = container.int(field) else {
                    continue;
                };
                if (FARGATE_MIN..=FARGATE_MAX).contains(&value) {
                    continue;
                }
                let millis = if value >= 1000 { " (the value is in seconds, not milliseconds)" } else { "" };
                let what = if field == "stopTimeout" {
                    "the grace period before the container is killed"
                } else {
                    "the time to wait for its dependencies"
                };
                cx.report(self, container.at(field))
                    .message(format!(
                        "container {} sets `{field}` to {value}; on Fargate AWS accepts {FARGATE_MIN}–{FARGATE_MAX} \
                         seconds{millis}",
                        container.display()
                    ))
                    .label(format!("outside {FARGATE_MIN}–{FARGATE_MAX}"))
                    .related(task.fargate_pointer(), "Fargate set here")
                    .help(format!(
                        "set `{field}` ({what}) between {FARGATE_MIN} and {FARGATE_MAX} seconds, or remove it to \
                         use the default"
                    ))
                    .emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-029";

    fn td(compat: &str, container: &str) -> String {
        format!(
            r#"{{"family": "web", "requiresCompatibilities": {compat}, "networkMode": "awsvpc",
               "cpu": "256", "memory": "512",
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27" {container}}}]}}"#
        )
    }

    #[test]
    fn fires_outside_the_fargate_range() {
        let messages = assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, r#", "stopTimeout": 300"#));
        assert!(
            messages[0].contains("container `app` sets `stopTimeout` to 300; on Fargate AWS accepts 2–120 seconds")
        );
        let messages = assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, r#", "stopTimeout": 30000"#));
        assert!(messages[0].contains("seconds, not milliseconds"));
        assert_fires(CODE, 2, &td(r#"["EC2", "FARGATE"]"#, r#", "startTimeout": 1, "stopTimeout": -5"#));
        assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, r#", "startTimeout": 0"#));
    }

    #[test]
    fn accepts_the_bounds_and_the_default() {
        assert_clean(CODE, &td(r#"["FARGATE"]"#, r#", "startTimeout": 2, "stopTimeout": 120"#));
        assert_clean(CODE, &td(r#"["FARGATE"]"#, ""));
        assert_clean(CODE, &td(r#"["FARGATE"]"#, r#", "stopTimeout": null"#));
    }

    #[test]
    fn ignores_unknown_values_and_other_launch_types() {
        assert_clean(CODE, &td(r#"["FARGATE"]"#, r#", "stopTimeout": "300""#));
        assert_clean(CODE, &td(r#"["EC2"]"#, r#", "stopTimeout": 300"#));
        assert_clean(CODE, &td(r#"["${COMPAT}"]"#, r#", "stopTimeout": 300"#));
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx", "stopTimeout": 300}]"#);
    }
}
