//! Fargate bills the whole task size; a size far above what the containers reserve pays for idle capacity.

use super::{ephemeral_gib, fargate_size, platform};
use crate::context::{Cost, LintContext};
use crate::data::fargate::{MemoryChoices, SIZES};
use crate::data::fargate_prices::{dollars, monthly_task_cost, prices};
use crate::declare_rule;
use crate::model::{Container, Shape, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct FargateOverProvisioned {
        code: "ECS-COST-001",
        name: "fargate-over-provisioned",
        category: Cost,
        severity: Warning,
        since: "0.1.0",
        summary: "a Fargate task size far above what its containers reserve",
    }
}

/// The sum of one reservation over all containers, or `None` unless every container declares it
/// as a known positive number.
fn sum_all(containers: &[Container<'_>], reservation: impl Fn(&Container<'_>) -> Option<i64>) -> Option<u64> {
    containers.iter().try_fold(0u64, |sum, c| {
        let value = reservation(c).filter(|v| *v > 0)?;
        sum.checked_add(u64::try_from(value).ok()?)
    })
}

/// What ECS counts as a container's memory reservation: `memoryReservation`, else `memory`.
fn reserved_memory(container: &Container<'_>) -> Option<i64> {
    if container.has("memory") && container.int("memory").is_none() {
        return None; // an unknown hard limit: no size can be shown to fit it
    }
    if container.has("memoryReservation") { container.int("memoryReservation") } else { container.int("memory") }
}

/// The smallest memory a CPU value allows that is at least `at_least`.
fn smallest_memory(choices: &MemoryChoices, at_least: u64) -> Option<u64> {
    match choices {
        MemoryChoices::List(values) => values.iter().copied().filter(|m| *m >= at_least).min(),
        MemoryChoices::Range { min, max, step } => {
            let value = if at_least <= *min { *min } else { min + (at_least - min).div_ceil(*step) * step };
            (value <= *max).then_some(value)
        }
    }
}

/// `8×`, `2.5×`.
fn times(ratio: f64) -> String {
    let rounded = (ratio * 10.0).floor() / 10.0;
    if rounded.fract() == 0.0 { format!("{rounded:.0}×") } else { format!("{rounded:.1}×") }
}

impl Rule for FargateOverProvisioned {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if task.shape() == Shape::ContainerArray || !task.is_fargate() {
            return;
        }
        let Some((cpu, memory)) = fargate_size(task) else {
            return;
        };
        let containers = task.containers();
        if containers.is_empty() || containers.iter().any(|c| !c.value().is_object()) {
            return;
        }
        let factor = cx.settings.options.overprovisioning_factor;
        let factor = if factor.is_finite() && factor >= 1.0 { factor } else { 1.0 };
        let need_cpu = sum_all(&containers, |c| c.int("cpu"));
        let need_memory = sum_all(&containers, reserved_memory);
        let over_cpu = need_cpu.filter(|n| cpu as f64 >= factor * *n as f64);
        let over_memory = need_memory.filter(|n| memory as f64 >= factor * *n as f64);
        if over_cpu.is_none() && over_memory.is_none() {
            return;
        }
        // Every hard limit must still fit in the task (AWS rejects a container `memory` above it).
        let largest_hard = containers.iter().filter_map(|c| c.int("memory")).max().unwrap_or(0);
        let min_cpu = over_cpu.unwrap_or(cpu);
        let min_memory = over_memory.map_or(memory, |n| n.max(u64::try_from(largest_hard).unwrap_or(0)));
        let windows = task.is_windows();
        let Some((new_cpu, new_memory)) = SIZES
            .iter()
            .filter(|s| !(windows && s.linux_only) && s.cpu >= min_cpu && s.cpu <= cpu)
            .find_map(|s| smallest_memory(&s.memory, min_memory).filter(|m| *m <= memory).map(|m| (s.cpu, m)))
        else {
            return;
        };
        if (new_cpu, new_memory) == (cpu, memory) {
            return;
        }

        let mut parts = Vec::new();
        if let Some(n) = over_cpu {
            parts.push(format!("{cpu} CPU units are {} the {n} its containers reserve", times(cpu as f64 / n as f64)));
        }
        if let Some(n) = over_memory {
            parts.push(format!(
                "{memory} MiB is {} the {n} MiB its containers reserve",
                times(memory as f64 / n as f64)
            ));
        }
        let suggested = format!("{new_cpu} CPU / {new_memory} MiB");
        let region = cx.settings.options.cost_region.clone();
        let money = platform(task).zip(prices(&region)).map(|(platform, p)| {
            let storage = ephemeral_gib(task);
            let now = monthly_task_cost(p, platform, cpu, memory, storage);
            let then = monthly_task_cost(p, platform, new_cpu, new_memory, storage);
            (now, then)
        });
        let mut message = format!("the task's {}", parts.join(" and its "));
        match money {
            Some((now, then)) => message.push_str(&format!(
                "; it costs {} per task-month in {region}; {suggested} would cost {}, saving {}",
                dollars(now),
                dollars(then),
                dollars(now - then)
            )),
            None => message.push_str(&format!("; {suggested} would fit the reservations")),
        }
        let mut change = Vec::new();
        if new_cpu != cpu {
            change.push(format!("`cpu` to \"{new_cpu}\""));
        }
        if new_memory != memory {
            change.push(format!("`memory` to \"{new_memory}\""));
        }
        let (pointer, label) = if over_cpu.is_some() {
            ("/cpu", "far above the containers' CPU")
        } else {
            ("/memory", "far above the containers' memory")
        };
        let mut finding = cx.report(self, pointer).message(message).label(label).help(format!(
            "set task {} (the smallest Fargate size that fits the reservations), or raise the containers' \
                 reservations to what they really use",
            change.join(" and ")
        ));
        if over_cpu.is_some() && over_memory.is_some() {
            finding = finding.related("/memory", "far above the containers' memory");
        }
        if let Some((now, then)) = money {
            finding = finding.cost(Cost { monthly_usd: now, saving_monthly_usd: Some(now - then) });
        }
        finding.emit();
    }
}

#[cfg(test)]
mod tests {
    use super::smallest_memory;
    use crate::data::fargate::size_for_cpu;
    use crate::linter::lint_source;
    use crate::rules::tester::{assert_clean, assert_fires, findings};
    use crate::settings::Settings;

    const CODE: &str = "ECS-COST-001";

    fn td(cpu: &str, memory: &str, containers: &str) -> String {
        format!(
            r#"{{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
               "cpu": "{cpu}", "memory": "{memory}", "containerDefinitions": [{containers}]}}"#
        )
    }

    const SMALL: &str = r#"{"name": "app", "image": "nginx:1.27", "cpu": 256, "memoryReservation": 512}"#;

    #[test]
    fn fires_with_the_smallest_size_and_the_saving() {
        let json = td("4096", "8192", SMALL);
        let messages = assert_fires(CODE, 1, &json);
        assert!(messages[0].contains("4096 CPU units are 16× the 256 its containers reserve"), "{messages:?}");
        assert!(messages[0].contains("8192 MiB is 16× the 512 MiB"), "{messages:?}");
        // 4 vCPU + 8 GB = (4 × 0.04048 + 8 × 0.004445) × 730 = $144.16; 256/512 = $9.01.
        assert!(messages[0].contains("costs $144.16 per task-month in us-east-1"), "{messages:?}");
        assert!(messages[0].contains("256 CPU / 512 MiB would cost $9.01, saving $135.15"), "{messages:?}");
        let d = &findings(CODE, &json)[0];
        let cost = d.cost.expect("cost attached");
        assert!((cost.monthly_usd - 144.1596).abs() < 0.01);
        assert!((cost.saving_monthly_usd.unwrap_or_default() - 135.15).abs() < 0.01);
        assert!(d.help.as_deref().unwrap_or_default().contains("`cpu` to \"256\" and `memory` to \"512\""));
    }

    #[test]
    fn reduces_only_the_dimension_every_container_declares() {
        // CPU declared, memory not: keep 8192 MiB, the smallest CPU allowing it is 1024.
        let containers = r#"{"name": "app", "image": "nginx", "cpu": 512}"#;
        let messages = assert_fires(CODE, 1, &td("4096", "8192", containers));
        assert!(messages[0].contains("1024 CPU / 8192 MiB would cost"), "{messages:?}");
        // Memory declared, CPU not: keep 1024 CPU, lowest memory it allows is 2048.
        let containers = r#"{"name": "app", "image": "nginx", "memoryReservation": 1024}"#;
        let messages = assert_fires(CODE, 1, &td("1024", "8192", containers));
        assert!(messages[0].contains("1024 CPU / 2048 MiB would cost"), "{messages:?}");
    }

    #[test]
    fn sums_reservations_and_respects_hard_limits() {
        let two = r#"{"name": "app", "image": "nginx", "cpu": 256, "memoryReservation": 256, "memory": 3072},
                     {"name": "log", "image": "fluent-bit", "cpu": 256, "memory": 256}"#;
        // Reserved: 512 CPU, 512 MiB; the hard limit 3072 MiB must still fit.
        let messages = assert_fires(CODE, 1, &td("2048", "8192", two));
        assert!(messages[0].contains("512 CPU / 3072 MiB would cost"), "{messages:?}");
    }

    #[test]
    fn silent_when_a_container_may_use_the_whole_task() {
        let partial = r#"{"name": "app", "image": "nginx", "cpu": 256, "memoryReservation": 512},
                         {"name": "sidecar", "image": "envoy"}"#;
        assert_clean(CODE, &td("4096", "8192", partial));
        assert_clean(CODE, &td("4096", "8192", r#"{"name": "app", "image": "nginx", "cpu": 0}"#));
    }

    #[test]
    fn clean_below_the_factor_or_at_the_smallest_size() {
        assert_clean(CODE, &td("512", "1024", r#"{"name": "app", "image": "nginx", "cpu": 384, "memory": 768}"#));
        // 256 CPU with 512 MiB is the smallest size already.
        assert_clean(CODE, &td("256", "512", r#"{"name": "app", "image": "nginx", "cpu": 64, "memory": 128}"#));
    }

    #[test]
    fn silent_for_placeholders_invalid_sizes_ec2_and_bare_arrays() {
        let placeholder = r#"{"name": "app", "image": "nginx", "cpu": "${CPU}", "memoryReservation": 512}"#;
        assert_fires(CODE, 1, &td("1024", "8192", placeholder)); // memory is still known
        // 4096 CPU allows no less than 8192 MiB: with the CPU need unknown, nothing can shrink.
        assert_clean(CODE, &td("4096", "8192", placeholder));
        let both = r#"{"name": "app", "image": "nginx", "cpu": "${CPU}", "memoryReservation": "${MEM}"}"#;
        assert_clean(CODE, &td("4096", "8192", both));
        assert_clean(CODE, &td("${CPU}", "8192", SMALL));
        assert_clean(CODE, &td("512", "512", SMALL));
        let ec2 = r#"{"family": "w", "cpu": "4096", "memory": "8192", "containerDefinitions": [
                     {"name": "app", "image": "nginx", "cpu": 256, "memoryReservation": 512}]}"#;
        assert_clean(CODE, ec2);
        assert_clean(CODE, &format!("[{SMALL}]"));
    }

    #[test]
    fn honours_the_factor_and_region_options() {
        let json = td("1024", "2048", r#"{"name": "app", "image": "nginx", "cpu": 512, "memoryReservation": 1024}"#);
        assert_fires(CODE, 1, &json);
        let mut settings = Settings::default();
        settings.options.overprovisioning_factor = 3.0;
        let run = |settings: &Settings| {
            lint_source("t.json", json.as_bytes().to_vec(), settings)
                .diagnostics
                .into_iter()
                .filter(|d| d.rule.code == CODE)
                .collect::<Vec<_>>()
        };
        assert!(run(&settings).is_empty());
        settings.options.overprovisioning_factor = 2.0;
        settings.options.cost_region = "xx-nowhere-1".into();
        let found = run(&settings);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("512 CPU / 1024 MiB would fit the reservations"), "{:?}", found[0].message);
        assert!(!found[0].message.contains('$') && found[0].cost.is_none());
    }

    #[test]
    fn windows_keeps_one_vcpu() {
        let json = r#"{"family": "w", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
            "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"}, "cpu": "4096", "memory": "8192",
            "containerDefinitions": [{"name": "app", "image": "iis", "cpu": 256, "memoryReservation": 512}]}"#;
        let messages = assert_fires(CODE, 1, json);
        assert!(messages[0].contains("1024 CPU / 2048 MiB would cost"), "{messages:?}");
    }

    #[test]
    fn smallest_memory_rounds_up_to_a_step() {
        let size = |cpu| &size_for_cpu(cpu).unwrap().memory;
        assert_eq!(smallest_memory(size(256), 600), Some(1024));
        assert_eq!(smallest_memory(size(256), 4096), None);
        assert_eq!(smallest_memory(size(1024), 100), Some(2048));
        assert_eq!(smallest_memory(size(1024), 2049), Some(3072));
        assert_eq!(smallest_memory(size(8192), 20000), Some(20480));
    }
}
