//! Deployment percentages that contradict each other, that AWS does not let a service set, or
//! with which a rolling deployment can never replace a task.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{is_present, known_i64, known_str};
use crate::model::{Service, Shape, TaskDefinition};
use crate::rule::{Rule, Severity};

declare_rule! {
    pub struct InvalidDeploymentPercentages {
        code: "ECS-COR-058",
        name: "invalid-deployment-percentages",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "deployment percentages that AWS rejects or that cannot make progress",
    }
}

/// Defaults of a REPLICA service (API reference, DeploymentConfiguration, checked 2026-11-23).
const REPLICA_MAXIMUM: i64 = 200;
const REPLICA_MINIMUM: i64 = 100;
/// Defaults of a DAEMON service.
const DAEMON_MAXIMUM: i64 = 100;
const DAEMON_MINIMUM: i64 = 0;

const MAX_PTR: &str = "/deploymentConfiguration/maximumPercent";
const MIN_PTR: &str = "/deploymentConfiguration/minimumHealthyPercent";

/// One percentage: what the file says, and what AWS uses.
#[derive(Debug, Clone, Copy)]
struct Percent {
    /// Written in the file (a known integer).
    written: Option<i64>,
    /// The value in effect: written, or the AWS default; `None` when unknown.
    effective: Option<i64>,
}

/// Can a rolling deployment of `desired` tasks start a new task or stop an old one?
/// ECS may run at most floor(desired × maximum / 100) tasks and must keep
/// ceil(desired × minimum / 100) running.
fn stuck(desired: i64, minimum: i64, maximum: i64) -> bool {
    let (d, min, max) = (i128::from(desired), i128::from(minimum), i128::from(maximum));
    let ceiling = (d * min + 99).div_euclid(100);
    let floor = (d * max).div_euclid(100);
    floor <= d && ceiling >= d
}

impl Rule for InvalidDeploymentPercentages {
    fn check_service(&self, service: &Service<'_>, _task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        let update = service.shape() == Shape::UpdateService;
        let max_value = service.at(&["deploymentConfiguration", "maximumPercent"]);
        let min_value = service.at(&["deploymentConfiguration", "minimumHealthyPercent"]);
        // Fractions and strings are the schema's findings (ECS-SCH-005); placeholders are opaque.
        if (is_present(max_value) && known_i64(max_value).is_none())
            || (is_present(min_value) && known_i64(min_value).is_none())
        {
            return;
        }
        let (max_written, min_written) = (known_i64(max_value), known_i64(min_value));
        if max_written.is_none() && min_written.is_none() {
            return;
        }
        // In an update, absent fields keep the service's current values, which the file cannot show.
        let controller =
            if update && !service.has("deploymentController") { None } else { service.deployment_controller() };
        let scheduling = if update { None } else { service.scheduling_strategy() };
        let (default_max, default_min) = match scheduling {
            Some("REPLICA") => (Some(REPLICA_MAXIMUM), Some(REPLICA_MINIMUM)),
            Some("DAEMON") => (Some(DAEMON_MAXIMUM), Some(DAEMON_MINIMUM)),
            _ => (None, None),
        };
        let max = Percent { written: max_written, effective: max_written.or(default_max) };
        let min = Percent { written: min_written, effective: min_written.or(default_min) };

        if matches!(controller, Some("CODE_DEPLOY" | "EXTERNAL")) {
            self.custom_on_ec2(service, controller.unwrap_or_default(), max, min, cx);
            return;
        }
        // Only the rolling update (ECS controller, ROLLING strategy) uses both percentages this way.
        let strategy = service.at(&["deploymentConfiguration", "strategy"]);
        if !matches!(controller, Some("ECS") | None) || (is_present(strategy) && known_str(strategy) != Some("ROLLING"))
        {
            return;
        }
        let (Some(maximum), Some(minimum)) = (max.effective, min.effective) else { return };
        let value = |p: Percent, name: &str| match p.written {
            Some(v) => format!("`{name}` {v}"),
            None => format!("`{name}` {} (the default)", p.effective.unwrap_or_default()),
        };
        let (max_text, min_text) = (value(max, "maximumPercent"), value(min, "minimumHealthyPercent"));
        let (pointer, other, other_label) = if max.written.is_some() {
            (MAX_PTR, MIN_PTR, "minimum set here")
        } else {
            (MIN_PTR, MAX_PTR, "maximum set here")
        };
        let both_written = max.written.is_some() && min.written.is_some();

        if minimum > maximum {
            let mut finding = cx
                .report(self, pointer)
                .message(format!(
                    "{min_text} is above {max_text}: a deployment must keep at least {minimum}% of the desired tasks \
                     running yet may run at most {maximum}%, so no deployment can work"
                ))
                .label(if pointer == MAX_PTR {
                    "below the minimum healthy percent"
                } else {
                    "above the maximum percent"
                })
                .help(format!(
                    "make `maximumPercent` at least `minimumHealthyPercent`, e.g. `maximumPercent` {} with \
                     `minimumHealthyPercent` {}",
                    REPLICA_MAXIMUM.max(minimum),
                    minimum.clamp(0, REPLICA_MINIMUM)
                ));
            if both_written {
                finding = finding.related(other, other_label);
            }
            finding.emit();
            return;
        }

        // A replica service whose rolling deployment can neither start nor stop a task.
        if scheduling == Some("DAEMON") {
            return;
        }
        let desired = service.int("desiredCount").filter(|d| *d >= 0);
        if desired == Some(0) {
            return;
        }
        let blocked = match desired {
            Some(d) => stuck(d, minimum, maximum),
            // Without a task count: blocked for every count exactly when minimum ≥ 100 ≥ maximum.
            None => minimum >= 100 && maximum <= 100,
        };
        if !blocked {
            return;
        }
        let tasks = desired.map_or_else(
            || "any number of tasks".to_string(),
            |d| format!("{d} task{}", if d == 1 { "" } else { "s" }),
        );
        let fix = match desired {
            Some(d) if d > 0 => {
                let d = i128::from(d);
                format!(
                    "raise `maximumPercent` to at least {} so new tasks can start first, or lower \
                     `minimumHealthyPercent` to at most {} so an old task can stop first",
                    (100 * (d + 1) + d - 1) / d,
                    100 * (d - 1) / d
                )
            }
            _ => "raise `maximumPercent` (200 starts a full set of new tasks first), or lower \
                  `minimumHealthyPercent` (e.g. 50) so old tasks can stop first"
                .to_string(),
        };
        let mut finding = cx
            .report(self, pointer)
            .severity(Severity::Warning)
            .message(format!(
                "with {min_text} and {max_text}, a rolling deployment of {tasks} cannot replace any task: ECS may \
                 not stop an old task before a new one runs, and may not start a new one before an old one stops; \
                 AWS accepts it, but the deployment never completes"
            ))
            .label("leaves no room to start or stop a task")
            .help(fix);
        if both_written {
            finding = finding.related(other, other_label);
        }
        if desired.is_some() {
            finding = finding.related("/desiredCount", "desired count set here");
        }
        finding.emit();
    }
}

impl InvalidDeploymentPercentages {
    /// CODE_DEPLOY and EXTERNAL services on EC2 cannot set custom percentages.
    fn custom_on_ec2(
        &self,
        service: &Service<'_>,
        controller: &str,
        max: Percent,
        min: Percent,
        cx: &mut LintContext<'_>,
    ) {
        if service.launch_type() != Some("EC2") {
            return;
        }
        for (written, default, pointer, name) in [
            (max.written, REPLICA_MAXIMUM, MAX_PTR, "maximumPercent"),
            (min.written, REPLICA_MINIMUM, MIN_PTR, "minimumHealthyPercent"),
        ] {
            let Some(value) = written.filter(|v| *v != default) else { continue };
            cx.report(self, pointer)
                .message(format!(
                    "`{name}` {value} is set on a {controller} service with the EC2 launch type; the API reference \
                     says: You can't specify a custom {name} value for a service that uses either the blue/green \
                     (CODE_DEPLOY) or EXTERNAL deployment types and has tasks that use the EC2 launch type."
                ))
                .label(format!("not allowed with {controller} on EC2"))
                .related("/launchType", "EC2 launch type")
                .help(format!("remove `{name}` (AWS uses its default, {default})"))
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::stuck;
    use crate::rule::Severity;
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-COR-058";

    fn svc(extra: &str) -> String {
        format!(r#"{{"serviceName": "web", "taskDefinition": "web:1", {extra}}}"#)
    }

    fn dc(min: &str, max: &str) -> String {
        format!(r#""deploymentConfiguration": {{"minimumHealthyPercent": {min}, "maximumPercent": {max}}}"#)
    }

    #[test]
    fn progress_arithmetic_follows_the_aws_examples() {
        // "if the minimum healthy percent is 75% and the desired task count is two, then the
        // scheduler can't stop any tasks"; with a maximum of 100 it cannot start one either.
        assert!(stuck(2, 75, 100));
        assert!(!stuck(4, 75, 100));
        assert!(stuck(1, 100, 150));
        assert!(!stuck(1, 100, 200));
        assert!(!stuck(1, 0, 100));
        assert!(stuck(3, 100, 100));
        assert!(!stuck(i64::MAX, 100, i64::MAX));
    }

    #[test]
    fn minimum_above_maximum_is_an_error() {
        let messages = assert_fires(CODE, 1, &svc(&format!(r#""desiredCount": 4, {}"#, dc("100", "50"))));
        assert!(messages[0].contains("`minimumHealthyPercent` 100 is above `maximumPercent` 50"), "{messages:?}");
        // Against the REPLICA default minimum of 100.
        let messages =
            assert_fires(CODE, 1, &svc(r#""desiredCount": 4, "deploymentConfiguration": {"maximumPercent": 80}"#));
        assert!(messages[0].contains("`minimumHealthyPercent` 100 (the default)"));
        let found = findings(CODE, &svc(r#""deploymentConfiguration": {"maximumPercent": 80}"#));
        assert_eq!(found[0].severity, Severity::Error);
    }

    #[test]
    fn a_deployment_that_cannot_progress_is_a_warning() {
        let found = findings(CODE, &svc(&format!(r#""desiredCount": 1, {}"#, dc("100", "100"))));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(found[0].message.contains("a rolling deployment of 1 task cannot replace any task"));
        assert!(found[0].help.as_deref().unwrap_or_default().contains("at least 200"));
        // Huge counts do not overflow.
        let huge = svc(&format!(r#""desiredCount": 9223372036854775807, {}"#, dc("100", "100")));
        assert!(findings(CODE, &huge)[0].help.as_deref().unwrap_or_default().contains("at least 101"));
        // Without desiredCount, only 100/100 blocks every count.
        assert_fires(CODE, 1, &svc(&dc("100", "100")));
        assert_clean(CODE, &svc(&dc("75", "100")));
        // The documented 75% with two tasks.
        assert_fires(CODE, 1, &svc(&format!(r#""desiredCount": 2, {}"#, dc("75", "100"))));
        // Only the maximum written: the default minimum of 100 applies.
        assert_fires(CODE, 1, &svc(r#""desiredCount": 1, "deploymentConfiguration": {"maximumPercent": 150}"#));
    }

    #[test]
    fn workable_percentages_and_defaults_are_clean() {
        assert_clean(CODE, &svc(&format!(r#""desiredCount": 2, {}"#, dc("100", "200"))));
        assert_clean(CODE, &svc(&format!(r#""desiredCount": 1, {}"#, dc("0", "100"))));
        assert_clean(CODE, &svc(&format!(r#""desiredCount": 4, {}"#, dc("50", "100"))));
        assert_clean(CODE, &svc(r#""desiredCount": 2"#));
        assert_clean(CODE, &svc(&format!(r#""desiredCount": 0, {}"#, dc("100", "100"))));
        // DAEMON defaults to a minimum of 0.
        assert_clean(
            CODE,
            &svc(r#""schedulingStrategy": "DAEMON", "deploymentConfiguration": {"maximumPercent": 100}"#),
        );
    }

    #[test]
    fn fractions_and_placeholders_are_left_to_others() {
        // ECS-SCH-005 reports the fraction; this rule does not repeat it.
        assert_clean(CODE, &svc(&dc("0.5", "100")));
        assert_clean(CODE, &svc(&dc(r#""${MIN}""#, "100")));
        assert_clean(CODE, &svc(&dc("100", r#""{{ max }}""#)));
    }

    #[test]
    fn updates_do_not_assume_defaults() {
        assert_clean(CODE, r#"{"service": "web", "deploymentConfiguration": {"maximumPercent": 100}}"#);
        assert_fires(CODE, 1, &format!(r#"{{"service": "web", {}}}"#, dc("100", "100")));
        assert_fires(CODE, 1, &format!(r#"{{"service": "web", {}}}"#, dc("90", "60")));
    }

    #[test]
    fn other_deployment_types() {
        // Percentages are not used by blue/green strategies or CODE_DEPLOY on Fargate.
        assert_clean(
            CODE,
            &svc(
                r#""deploymentConfiguration": {"strategy": "BLUE_GREEN", "minimumHealthyPercent": 100, "maximumPercent": 100}"#,
            ),
        );
        let code_deploy = r#""deploymentController": {"type": "CODE_DEPLOY"},"#;
        assert_clean(CODE, &svc(&format!(r#"{code_deploy} "launchType": "FARGATE", {}"#, dc("100", "100"))));
        // On EC2 they cannot be customised.
        let messages =
            assert_fires(CODE, 2, &svc(&format!(r#"{code_deploy} "launchType": "EC2", {}"#, dc("50", "150"))));
        assert!(messages.iter().any(|m| m.contains("You can't specify a custom maximumPercent value")));
        assert_clean(CODE, &svc(&format!(r#"{code_deploy} "launchType": "EC2", {}"#, dc("100", "200"))));
    }

    #[test]
    fn task_definitions_are_not_services() {
        assert_clean(CODE, r#"[{"name": "a", "image": "nginx", "memory": 128}]"#);
    }
}
