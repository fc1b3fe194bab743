//! Fargate on ARM64 (Graviton) costs less than X86_64 for the same size; most images build for both.

use super::{ephemeral_gib, fargate_size, platform};
use crate::context::{Cost, LintContext};
use crate::data::fargate_prices::{Platform, dollars, monthly_task_cost, prices};
use crate::declare_rule;
use crate::model::known::is_present;
use crate::model::{Shape, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct Arm64WouldBeCheaper {
        code: "ECS-COST-002",
        name: "arm64-would-be-cheaper",
        category: Cost,
        severity: Info,
        since: "0.1.0",
        summary: "an x86_64 Fargate task that could run on cheaper ARM64",
    }
}

const HELP: &str = "if every image is multi-arch or built for arm64, set `runtimePlatform` to \
                    {\"operatingSystemFamily\": \"LINUX\", \"cpuArchitecture\": \"ARM64\"}; keep X86_64 for \
                    amd64-only images and for Fargate Spot, which does not run ARM64 tasks";

impl Rule for Arm64WouldBeCheaper {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if task.shape() == Shape::ContainerArray || !task.is_fargate() {
            return;
        }
        // Only Linux on X86_64, written or by default; Windows on Fargate is X86_64 only.
        if platform(task) != Some(Platform::LinuxX86) {
            return;
        }
        let runtime = task.get("runtimePlatform");
        let explicit = is_present(runtime.and_then(|r| r.get("cpuArchitecture")));
        let (pointer, on_key) = if explicit {
            ("/runtimePlatform/cpuArchitecture".to_string(), false)
        } else if is_present(runtime) {
            ("/runtimePlatform".to_string(), true)
        } else {
            (task.fargate_pointer(), false)
        };
        let arch = if explicit { "X86_64" } else { "X86_64 (the default when `cpuArchitecture` is unset)" };
        let region = cx.settings.options.cost_region.clone();
        let money = fargate_size(task).zip(prices(&region)).map(|((cpu, memory), p)| {
            let storage = ephemeral_gib(task);
            let x86 = monthly_task_cost(p, Platform::LinuxX86, cpu, memory, storage);
            let arm = monthly_task_cost(p, Platform::LinuxArm, cpu, memory, storage);
            (cpu, memory, x86, arm)
        });
        let message = match money {
            Some((cpu, memory, x86, arm)) => format!(
                "this Fargate task runs on {arch}; on ARM64 (AWS Graviton) its {cpu} CPU / {memory} MiB would cost \
                 {} instead of {} per task-month in {region}, saving {}, if every image has an arm64 variant",
                dollars(arm),
                dollars(x86),
                dollars(x86 - arm)
            ),
            None => format!(
                "this Fargate task runs on {arch}; ARM64 (AWS Graviton) Fargate capacity costs less per vCPU \
                 and GB, if every image has an arm64 variant"
            ),
        };
        let label = if explicit { "X86_64" } else { "X86_64 by default" };
        let mut finding = cx.report(self, pointer).message(message).label(label).help(HELP);
        if on_key {
            finding = finding.on_key();
        }
        if let Some((_, _, x86, arm)) = money {
            finding = finding.cost(Cost { monthly_usd: x86, saving_monthly_usd: Some(x86 - arm) });
        }
        finding.emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-COST-002";

    fn td(extra: &str) -> String {
        format!(
            r#"{{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
               "cpu": "1024", "memory": "2048", {extra}
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27"}}]}}"#
        )
    }

    #[test]
    fn fires_on_the_default_architecture_with_the_saving() {
        let json = td("");
        let messages = assert_fires(CODE, 1, &json);
        // x86: (0.04048 + 2 × 0.004445) × 730 = $36.04; ARM: (0.03238 + 2 × 0.00356) × 730 = $28.84.
        assert!(messages[0].contains("X86_64 (the default when `cpuArchitecture` is unset)"), "{messages:?}");
        assert!(messages[0].contains("would cost $28.84 instead of $36.04 per task-month in us-east-1, saving $7.21"));
        assert!(messages[0].contains("if every image has an arm64 variant"));
        let cost = findings(CODE, &json)[0].cost.expect("cost attached");
        assert!((cost.monthly_usd - 36.0404).abs() < 0.01);
    }

    #[test]
    fn fires_on_explicit_x86() {
        let messages = assert_fires(
            CODE,
            1,
            &td(r#""runtimePlatform": {"operatingSystemFamily": "LINUX", "cpuArchitecture": "X86_64"},"#),
        );
        assert!(messages[0].contains("runs on X86_64;"), "{messages:?}");
        assert_fires(CODE, 1, &td(r#""runtimePlatform": {"operatingSystemFamily": "LINUX"},"#));
    }

    #[test]
    fn reports_without_money_when_the_size_is_unknown() {
        let json = r#"{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
            "cpu": "${CPU}", "memory": "2048", "containerDefinitions": [{"name": "app", "image": "nginx"}]}"#;
        let messages = assert_fires(CODE, 1, json);
        assert!(!messages[0].contains('$'));
        assert!(findings(CODE, json)[0].cost.is_none());
    }

    #[test]
    fn clean_for_arm64_windows_placeholders_ec2_and_bare_arrays() {
        assert_clean(
            CODE,
            &td(r#""runtimePlatform": {"operatingSystemFamily": "LINUX", "cpuArchitecture": "ARM64"},"#),
        );
        assert_clean(CODE, &td(r#""runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},"#));
        assert_clean(CODE, &td(r#""runtimePlatform": {"cpuArchitecture": "${ARCH}"},"#));
        assert_clean(CODE, &td(r#""runtimePlatform": {"operatingSystemFamily": "${OS}"},"#));
        assert_clean(
            CODE,
            r#"{"family": "w", "cpu": "1024", "memory": "2048", "containerDefinitions": [{"name": "a", "image": "nginx"}]}"#,
        );
        assert_clean(CODE, r#"[{"name": "a", "image": "nginx"}]"#);
    }
}
