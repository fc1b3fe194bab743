//! Non-production services rarely need on-demand capacity: Fargate Spot runs the same tasks at
//! a discount, in exchange for possible interruptions.

use crate::context::{Cost, LintContext};
use crate::data::fargate_prices::{self, Platform, dollars};
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{Service, TaskDefinition, TaskSize};
use crate::rule::Rule;

declare_rule! {
    pub struct FargateSpotForNonProduction {
        code: "ECS-COST-005",
        name: "fargate-spot-for-non-production",
        category: Cost,
        severity: Info,
        since: "0.1.0",
        summary: "a non-production Fargate service on on-demand capacity",
    }
}

/// Words that mark a non-production environment.
const NON_PRODUCTION: [&str; 9] = ["dev", "development", "test", "staging", "stg", "qa", "sandbox", "preview", "demo"];
/// Words that mark production: a name with both is not judged.
const PRODUCTION: [&str; 3] = ["prod", "production", "prd"];

fn has_word(text: &str, words: &[&str]) -> Option<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
        .map(str::to_ascii_lowercase)
}

/// The name, cluster and tag values, each with how to describe where it came from.
fn labels<'a>(service: &Service<'a>) -> Vec<(String, &'a str)> {
    let mut found = Vec::new();
    if let Some(name) = service.name() {
        found.push((format!("its name `{name}`"), name));
    }
    if let Some(cluster) = service.str("cluster") {
        found.push((format!("its cluster `{cluster}`"), cluster));
    }
    for tag in service.array("tags") {
        if let Some(value) = known_str(tag.get("value")) {
            let key = known_str(tag.get("key")).unwrap_or("a tag");
            found.push((format!("its tag `{key}` = `{value}`"), value));
        }
    }
    found
}

/// Where the service is marked non-production, unless anything marks it production.
fn non_production_marker(service: &Service<'_>) -> Option<String> {
    let labels = labels(service);
    if labels.iter().any(|(_, text)| has_word(text, &PRODUCTION).is_some()) {
        return None;
    }
    labels.into_iter().find_map(|(place, text)| has_word(text, &NON_PRODUCTION).map(|_| place))
}

/// The pointer of what selects on-demand Fargate, when the file shows it does.
fn on_demand_fargate(service: &Service<'_>) -> Option<&'static str> {
    if service.has("launchType") {
        return (service.launch_type() == Some("FARGATE")).then_some("/launchType");
    }
    let strategy = service.array("capacityProviderStrategy");
    let providers = service.capacity_providers();
    let only_on_demand =
        !strategy.is_empty() && providers.len() == strategy.len() && providers.iter().all(|p| *p == "FARGATE");
    only_on_demand.then_some("/capacityProviderStrategy")
}

/// Monthly on-demand cost of the service (desired count × one task), when it can be known.
fn monthly_cost(task: &TaskDefinition<'_>, desired: i64, region: &str) -> Option<f64> {
    let prices = fargate_prices::prices(region)?;
    let (Some(TaskSize::Units(cpu)), Some(TaskSize::Units(memory))) = (task.cpu(), task.memory()) else {
        return None;
    };
    let ephemeral = task
        .get("ephemeralStorage")
        .and_then(|e| e.get("sizeInGiB"))
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(fargate_prices::FREE_EPHEMERAL_GIB);
    let per_task = fargate_prices::monthly_task_cost(prices, Platform::LinuxX86, cpu, memory, ephemeral);
    Some(per_task * desired as f64)
}

impl Rule for FargateSpotForNonProduction {
    fn check_service(&self, service: &Service<'_>, task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        let Some(pointer) = on_demand_fargate(service) else { return };
        let Some(marker) = non_production_marker(service) else { return };
        // Fargate Spot runs Linux X86_64 tasks only.
        if let Some(task) = task {
            let arch = known_str(task.get("runtimePlatform").and_then(|p| p.get("cpuArchitecture")));
            if task.is_windows() || arch.is_some_and(|a| a != "X86_64") {
                return;
            }
        }
        let desired = service.int("desiredCount");
        if desired.is_some_and(|d| d <= 0) {
            return;
        }
        let region = cx.settings.options.cost_region.clone();
        let monthly = match (task, desired) {
            (Some(task), Some(d)) => monthly_cost(task, d, &region),
            _ => None,
        };
        let money = match (monthly, desired) {
            (Some(total), Some(d)) => format!(
                ": {d} task{} cost about {} a month on demand in {region}",
                if d == 1 { "" } else { "s" },
                dollars(total)
            ),
            _ => String::new(),
        };
        let how = if pointer == "/launchType" {
            "replace `launchType` with a `capacityProviderStrategy` using FARGATE_SPOT (both cannot be set)"
        } else {
            "add FARGATE_SPOT to `capacityProviderStrategy`"
        };
        let mut finding = cx
            .report(self, pointer)
            .message(format!(
                "service looks like a non-production environment ({marker}) but runs on on-demand Fargate{money}; \
                 AWS prices Fargate Spot at up to a 70% discount off the Fargate price for tasks that tolerate \
                 interruption"
            ))
            .label("on-demand Fargate")
            .help(format!(
                "{how}, e.g. [{{\"capacityProvider\": \"FARGATE_SPOT\", \"weight\": 1}}]; keep a FARGATE `base` for \
                 tasks that must not be interrupted, and associate FARGATE_SPOT with the cluster"
            ));
        if let Some(total) = monthly {
            finding = finding.cost(Cost { monthly_usd: total, saving_monthly_usd: None });
        }
        finding.emit();
    }
}

#[cfg(test)]
mod tests {
    use super::has_word;
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-COST-005";

    fn svc(name: &str, extra: &str) -> String {
        format!(r#"{{"serviceName": "{name}", "taskDefinition": "web:1", "desiredCount": 2, {extra}}}"#)
    }

    const FARGATE: &str = r#""launchType": "FARGATE""#;

    #[test]
    fn words_not_substrings() {
        assert_eq!(has_word("web-dev", &["dev"]).as_deref(), Some("dev"));
        assert_eq!(has_word("QA_api", &["qa"]).as_deref(), Some("qa"));
        assert!(has_word("devops-tools", &["dev"]).is_none());
        assert!(has_word("latest", &["test"]).is_none());
    }

    #[test]
    fn non_production_on_demand_is_reported() {
        let messages = assert_fires(CODE, 1, &svc("web-staging", FARGATE));
        assert!(messages[0].contains("its name `web-staging`"));
        assert!(messages[0].contains("up to a 70% discount"));
        let strategy = r#""capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}]"#;
        assert_fires(CODE, 1, &svc("api", &format!(r#"{strategy}, "cluster": "dev""#)));
        let tagged = format!(r#"{FARGATE}, "tags": [{{"key": "Environment", "value": "qa"}}]"#);
        assert!(assert_fires(CODE, 1, &svc("api", &tagged))[0].contains("its tag `Environment` = `qa`"));
        // No money figure without the task definition.
        assert!(findings(CODE, &svc("web-dev", FARGATE))[0].cost.is_none());
    }

    #[test]
    fn spot_production_and_other_capacity_are_clean() {
        let spot = r#""capacityProviderStrategy": [{"capacityProvider": "FARGATE", "base": 1, "weight": 1},
                     {"capacityProvider": "FARGATE_SPOT", "weight": 3}]"#;
        assert_clean(CODE, &svc("web-dev", spot));
        assert_clean(CODE, &svc("web-prod", FARGATE));
        assert_clean(CODE, &svc("web", FARGATE));
        assert_clean(CODE, &svc("web-dev", &format!(r#"{FARGATE}, "cluster": "prod""#)));
        assert_clean(CODE, &svc("web-dev", r#""launchType": "EC2""#));
        assert_clean(CODE, &svc("web-dev", r#""launchType": "${LAUNCH_TYPE}""#));
        assert_clean(CODE, &svc("${ENV}-web", FARGATE));
        assert_clean(
            CODE,
            r#"{"serviceName": "web-dev", "taskDefinition": "web:1", "desiredCount": 0, "launchType": "FARGATE"}"#,
        );
        // The cluster's default strategy is unknown.
        assert_clean(CODE, r#"{"serviceName": "web-dev", "taskDefinition": "web:1", "desiredCount": 2}"#);
    }

    fn linked(task_extra: &str) -> Vec<crate::diagnostic::Diagnostic> {
        let td = format!(
            r#"{{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "1024",
                "memory": "2048", {task_extra} "containerDefinitions": [{{"name": "a", "image": "nginx"}}]}}"#
        );
        crate::rules::tester::linked(CODE, &svc("web-dev", FARGATE), &td)
    }

    #[test]
    fn linked_task_definitions_give_a_monthly_estimate() {
        let found = linked("");
        assert_eq!(found.len(), 1);
        // 2 tasks × (1 vCPU × $0.04048 + 2 GB × $0.004445) × 730 h in us-east-1.
        let expected = 2.0 * (0.04048 + 2.0 * 0.004445) * 730.0;
        let cost = found[0].cost.expect("a cost");
        assert!((cost.monthly_usd - expected).abs() < 1e-9);
        assert!(cost.saving_monthly_usd.is_none());
        assert!(
            found[0].message.contains("2 tasks cost about $72.08 a month on demand in us-east-1"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn spot_cannot_run_arm_or_windows() {
        assert!(linked(r#""runtimePlatform": {"cpuArchitecture": "ARM64"},"#).is_empty());
        assert!(linked(r#""runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},"#).is_empty());
    }
}
