//! Fargate includes 20 GiB of ephemeral storage per task; every GiB above it is billed all month.

use crate::context::{Cost, LintContext};
use crate::data::fargate_prices::{FREE_EPHEMERAL_GIB, HOURS_PER_MONTH, dollars, prices};
use crate::declare_rule;
use crate::model::{Shape, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct PaidEphemeralStorage {
        code: "ECS-COST-003",
        name: "paid-ephemeral-storage",
        category: Cost,
        severity: Info,
        since: "0.1.0",
        summary: "ephemeral storage above the free 20 GiB",
    }
}

/// The largest size Fargate accepts; above it the registration fails (invalid-ephemeral-storage).
const MAX_EPHEMERAL_GIB: u64 = 200;

impl Rule for PaidEphemeralStorage {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if task.shape() == Shape::ContainerArray || !task.is_fargate() || task.is_windows() {
            return;
        }
        let Some(size) = task.get("ephemeralStorage").and_then(|e| e.get("sizeInGiB")).and_then(Value::as_u64) else {
            return;
        };
        if size <= FREE_EPHEMERAL_GIB || size > MAX_EPHEMERAL_GIB {
            return;
        }
        let extra = size - FREE_EPHEMERAL_GIB;
        let region = cx.settings.options.cost_region.clone();
        let monthly = prices(&region).map(|p| extra as f64 * p.ephemeral_gb_hour * HOURS_PER_MONTH);
        let mut message = format!(
            "{size} GiB of ephemeral storage is {extra} GiB above the {FREE_EPHEMERAL_GIB} GiB Fargate includes"
        );
        if let Some(monthly) = monthly {
            message.push_str(&format!("; the extra storage costs {} per task-month in {region}", dollars(monthly)));
        }
        let mut finding =
            cx.report(self, "/ephemeralStorage/sizeInGiB").message(message).label(format!("{extra} GiB billed")).help(
                format!(
                    "lower `sizeInGiB` to what the task really writes to local disk, or remove `ephemeralStorage` to \
                 use the free {FREE_EPHEMERAL_GIB} GiB"
                ),
            );
        if let Some(monthly) = monthly {
            finding = finding.cost(Cost { monthly_usd: monthly, saving_monthly_usd: Some(monthly) });
        }
        finding.emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-COST-003";

    fn td(compat: &str, storage: &str) -> String {
        format!(
            r#"{{"family": "web", "requiresCompatibilities": [{compat}], "networkMode": "awsvpc",
               "cpu": "256", "memory": "512", "ephemeralStorage": {{"sizeInGiB": {storage}}},
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27"}}]}}"#
        )
    }

    #[test]
    fn fires_with_the_cost_of_the_extra_storage() {
        let json = td(r#""FARGATE""#, "100");
        let messages = assert_fires(CODE, 1, &json);
        // 80 GiB × $0.000111 × 730 h = $6.48.
        assert!(messages[0].contains("100 GiB of ephemeral storage is 80 GiB above the 20 GiB"), "{messages:?}");
        assert!(messages[0].contains("costs $6.48 per task-month in us-east-1"), "{messages:?}");
        let cost = findings(CODE, &json)[0].cost.expect("cost attached");
        assert_eq!(cost.saving_monthly_usd, Some(cost.monthly_usd));
        assert_fires(CODE, 1, &td(r#""FARGATE""#, "21"));
    }

    #[test]
    fn clean_within_the_free_storage_or_out_of_range() {
        assert_clean(CODE, &td(r#""FARGATE""#, "20"));
        assert_clean(CODE, &td(r#""FARGATE""#, "201")); // invalid-ephemeral-storage reports it
        assert_clean(CODE, &td(r#""FARGATE""#, r#""${DISK}""#));
        assert_clean(CODE, &td(r#""FARGATE""#, "null"));
    }

    #[test]
    fn silent_off_fargate_and_for_bare_arrays() {
        assert_clean(CODE, &td(r#""EC2""#, "100"));
        assert_clean(CODE, r#"[{"name": "a", "image": "nginx"}]"#);
    }
}
