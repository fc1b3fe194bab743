//! Without Container Insights a cluster reports no per-task and per-container CPU, memory, network
//! and storage metrics (Security Hub ECS.12, checkov CKV_AWS_65).

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{is_present, known_str};
use crate::model::{Cluster, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct ContainerInsightsDisabled {
        code: "ECS-SEC-035",
        name: "container-insights-disabled",
        category: Security,
        severity: Info,
        since: "0.1.0",
        summary: "the cluster does not turn on CloudWatch Container Insights",
    }
}

/// Where the cluster's `containerInsights` setting stands.
enum Insights {
    /// Not written: the account's `containerInsights` setting decides.
    Unset,
    /// `disabled`, at this index of `settings`.
    Disabled(usize),
    /// On, or not knowable (a placeholder, an unknown value): nothing to say.
    OnOrUnknown,
}

fn insights(cluster: &Cluster<'_>) -> Insights {
    let settings = match cluster.get("settings") {
        None | Some(Value::Null) => return Insights::Unset,
        Some(Value::Array(items)) => items,
        Some(_) => return Insights::OnOrUnknown, // a placeholder for the whole list
    };
    for (i, setting) in settings.iter().enumerate() {
        let Some(name) = known_str(setting.get("name")) else {
            // An opaque name (or element) may be containerInsights.
            if is_present(Some(setting)) {
                return Insights::OnOrUnknown;
            }
            continue;
        };
        if name != "containerInsights" {
            continue;
        }
        return match known_str(setting.get("value")) {
            Some("disabled") => Insights::Disabled(i),
            _ => Insights::OnOrUnknown,
        };
    }
    Insights::Unset
}

impl Rule for ContainerInsightsDisabled {
    fn check_cluster(&self, cluster: &Cluster<'_>, cx: &mut LintContext<'_>) {
        let who = cluster.describe();
        let help = "add the cluster setting `containerInsights` = `enhanced` (or `enabled`); CloudWatch charges for \
                    the metrics and performance logs it collects";
        match insights(cluster) {
            Insights::OnOrUnknown => {}
            Insights::Disabled(i) => {
                cx.report(self, join(&join("/settings", i), "value"))
                    .message(format!(
                        "{who} turns CloudWatch Container Insights off: no task- or container-level CPU, memory, \
                         network and storage metrics (Security Hub ECS.12)"
                    ))
                    .label("Container Insights disabled")
                    .help(help)
                    .emit();
            }
            Insights::Unset => {
                let at = if is_present(cluster.get("settings")) { "/settings" } else { "" };
                cx.report(self, at)
                    .on_key()
                    .message(format!(
                        "{who} has no `containerInsights` setting, so Container Insights follows the account's \
                         `containerInsights` setting, which is off unless someone turned it on (Security Hub ECS.12)"
                    ))
                    .label("no containerInsights setting")
                    .help(help)
                    .emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{cluster_findings, render_findings};

    const CODE: &str = "ECS-SEC-035";

    fn cluster(settings: &str) -> String {
        format!(r#"{{"clusterName": "main", "settings": {settings}}}"#)
    }

    /// checkov's CKV_AWS_65 CloudFormation fixtures (`example_ECSClusterContainerInsights`): FAILED
    /// has no `ClusterSettings`, FAILED-2 sets `disabled`; PASSED and PASSED2 (`enabled`, `enhanced`)
    /// are in `enabled_and_enhanced_are_clean`.
    #[test]
    fn missing_or_disabled_is_reported() {
        let found = cluster_findings(CODE, r#"{"clusterName": "main"}"#);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "");
        assert!(found[0].message.contains("follows the account's `containerInsights` setting"));
        let found = cluster_findings(CODE, &cluster(r#"[{"name": "containerInsights", "value": "disabled"}]"#));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/settings/0/value");
        assert!(found[0].message.starts_with("cluster `main` turns CloudWatch Container Insights off"));
        assert_eq!(cluster_findings(CODE, &cluster("[]"))[0].pointer, "/settings");
        assert_eq!(cluster_findings(CODE, "{}").len(), 1);
    }

    #[test]
    fn enabled_and_enhanced_are_clean() {
        for value in ["enabled", "enhanced"] {
            let settings = format!(r#"[{{"name": "containerInsights", "value": "{value}"}}]"#);
            assert!(cluster_findings(CODE, &cluster(&settings)).is_empty(), "{value}");
        }
    }

    #[test]
    fn opaque_values_are_silent() {
        for settings in [
            r#"[{"name": "containerInsights", "value": "${CONTAINER_INSIGHTS}"}]"#,
            r#"[{"name": "${SETTING}", "value": "disabled"}]"#,
            r#"["${SETTINGS}"]"#,
            r#""${SETTINGS}""#,
        ] {
            assert!(cluster_findings(CODE, &cluster(settings)).is_empty(), "{settings}");
        }
    }

    #[test]
    fn snapshot() {
        let found = cluster_findings(CODE, &cluster(r#"[{"name": "containerInsights", "value": "disabled"}]"#));
        insta::assert_snapshot!(render_findings(&found));
    }
}
