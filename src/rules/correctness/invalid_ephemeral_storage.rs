//! AWS accepts task ephemeral storage of at most 200 GiB, and no less than the 20 GiB every
//! Fargate task already gets.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_i64;
use crate::model::{Shape, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidEphemeralStorage {
        code: "ECS-COR-030",
        name: "invalid-ephemeral-storage",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "ephemeral storage outside the documented range or where it is not supported",
    }
}

/// `EphemeralStorage.sizeInGiB`: "The minimum supported value is 21 GiB and the maximum supported
/// value is 200 GiB." (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html);
/// `TaskEphemeralStorage` and the CloudFormation reference say the minimum is 20 GiB. Both checked
/// 2026-11-23. The rule uses the lower of the two documented minimums, so 20 is never reported.
const MIN_GIB: i64 = 20;
const MAX_GIB: i64 = 200;

impl Rule for InvalidEphemeralStorage {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if task.shape() == Shape::ContainerArray {
            return;
        }
        let Some(size) = known_i64(task.get("ephemeralStorage").and_then(|e| e.get("sizeInGiB"))) else {
            return;
        };
        if size < MIN_GIB {
            cx.report(self, "/ephemeralStorage/sizeInGiB")
                .message(format!(
                    "`ephemeralStorage.sizeInGiB` is {size} GiB; AWS accepts 21–200 GiB (every Fargate task \
                     already gets 20 GiB without it)"
                ))
                .label("below the minimum")
                .help("remove `ephemeralStorage` to keep the default 20 GiB, or set `sizeInGiB` between 21 and 200")
                .emit();
        } else if size > MAX_GIB {
            cx.report(self, "/ephemeralStorage/sizeInGiB")
                .message(format!("`ephemeralStorage.sizeInGiB` is {size} GiB; AWS accepts at most {MAX_GIB} GiB"))
                .label(format!("above {MAX_GIB} GiB"))
                .help(format!(
                    "set `sizeInGiB` to {MAX_GIB} or less; for more space, mount an Amazon EFS or EBS volume"
                ))
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-030";

    fn td(storage: &str) -> String {
        format!(
            r#"{{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
               "cpu": "256", "memory": "512", "ephemeralStorage": {storage},
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27"}}]}}"#
        )
    }

    #[test]
    fn fires_outside_the_range() {
        let messages = assert_fires(CODE, 1, &td(r#"{"sizeInGiB": 10}"#));
        assert!(messages[0].contains("`ephemeralStorage.sizeInGiB` is 10 GiB; AWS accepts 21–200 GiB"));
        let messages = assert_fires(CODE, 1, &td(r#"{"sizeInGiB": 500}"#));
        assert!(messages[0].contains("at most 200 GiB"));
        assert_fires(CODE, 1, &td(r#"{"sizeInGiB": 0}"#));
        assert_fires(CODE, 1, &td(r#"{"sizeInGiB": -1}"#));
    }

    #[test]
    fn accepts_the_range_and_the_disputed_minimum() {
        assert_clean(CODE, &td(r#"{"sizeInGiB": 21}"#));
        assert_clean(CODE, &td(r#"{"sizeInGiB": 200}"#));
        // The documents disagree on 20 or 21; 20 is the Fargate default anyway.
        assert_clean(CODE, &td(r#"{"sizeInGiB": 20}"#));
    }

    #[test]
    fn ignores_unknown_values() {
        assert_clean(CODE, &td(r#"{"sizeInGiB": "10"}"#));
        assert_clean(CODE, &td(r#"{"sizeInGiB": null}"#));
        assert_clean(CODE, &td(r#"{"sizeInGiB": 1e3}"#));
        assert_clean(CODE, &td("null"));
        assert_clean(CODE, &td("[10]"));
        // Omitted: the default 20 GiB.
        assert_clean(CODE, r#"{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx"}]}"#);
    }
}
