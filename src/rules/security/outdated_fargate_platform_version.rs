//! Old Fargate platform versions miss security fixes and features, and AWS retires them
//! (Security Hub ECS.10).

use crate::context::LintContext;
use crate::data::fargate_platform::{LINUX_NEWEST_RETIRED, display, is_latest, latest, parse, versions};
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct OutdatedFargatePlatformVersion {
        code: "ECS-SEC-025",
        name: "outdated-fargate-platform-version",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a Fargate service pinned to a platform version below the latest",
    }
}

/// Runs on Fargate as far as the file shows: launch type FARGATE, or no launch type and no
/// capacity provider other than FARGATE / FARGATE_SPOT.
fn may_run_on_fargate(service: &Service<'_>) -> bool {
    if service.has("launchType") {
        return service.launch_type() == Some("FARGATE");
    }
    let strategy = service.array("capacityProviderStrategy");
    let providers = service.capacity_providers();
    providers.len() == strategy.len() && providers.iter().all(|p| *p == "FARGATE" || *p == "FARGATE_SPOT")
}

impl Rule for OutdatedFargatePlatformVersion {
    fn check_service(&self, service: &Service<'_>, task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        let Some(version) = service.str("platformVersion") else { return };
        if is_latest(version) || !may_run_on_fargate(service) {
            return;
        }
        // Malformed and unknown versions are ECS-COR-059's findings.
        let Some(parsed) = parse(version) else { return };
        let windows = task.is_some_and(TaskDefinition::is_windows);
        if !versions(windows).contains(&parsed) {
            return;
        }
        let newest = latest(windows);
        if parsed >= newest {
            return;
        }
        // 1.0.0 is the latest Windows version: without the task definition the OS is unknown.
        if task.is_none() && parsed <= latest(true) {
            return;
        }
        let os = if windows { "Windows" } else { "Linux" };
        let retired = match parsed.cmp(&LINUX_NEWEST_RETIRED) {
            _ if windows => "",
            std::cmp::Ordering::Equal => {
                "; AWS retired it on 2026-03-16: no new tasks or services can be launched on it"
            }
            std::cmp::Ordering::Less => "; AWS has deprecated it",
            std::cmp::Ordering::Greater => "",
        };
        cx.report(self, "/platformVersion")
            .message(format!(
                "Fargate service is pinned to platform version {version}, below the latest {os} platform version {} \
                 (Security Hub ECS.10){retired}",
                display(newest)
            ))
            .label(format!("latest is {}", display(newest)))
            .help(format!(
                "set `platformVersion` to `{}` or `LATEST`, or remove it (AWS then uses LATEST)",
                display(newest)
            ))
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-025";

    fn svc(launch: &str, version: &str) -> String {
        format!(r#"{{"serviceName": "web", "taskDefinition": "web:1", {launch} "platformVersion": "{version}"}}"#)
    }

    const FARGATE: &str = r#""launchType": "FARGATE","#;

    #[test]
    fn old_linux_versions_are_reported() {
        let messages = assert_fires(CODE, 1, &svc(FARGATE, "1.3.0"));
        assert!(
            messages[0].contains("pinned to platform version 1.3.0, below the latest Linux platform version 1.4.0")
        );
        assert!(messages[0].contains("ECS.10"));
        assert!(messages[0].contains("AWS retired it on 2026-03-16"));
        assert!(assert_fires(CODE, 1, &svc(FARGATE, "1.1.0"))[0].contains("AWS has deprecated it"));
        let spot = r#""capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}],"#;
        assert_fires(CODE, 1, &svc(spot, "1.2.0"));
        // No launch type and no strategy: the cluster default, and the version says Fargate.
        assert_fires(CODE, 1, &svc(r#""desiredCount": 1,"#, "1.3.0"));
    }

    #[test]
    fn latest_unset_and_unknown_versions_are_clean() {
        assert_clean(CODE, &svc(FARGATE, "LATEST"));
        assert_clean(CODE, &svc(FARGATE, "1.4.0"));
        assert_clean(CODE, &svc(FARGATE, "1.5.0"));
        assert_clean(CODE, &svc(FARGATE, "1.4"));
        assert_clean(CODE, &svc(FARGATE, "${PV}"));
        assert_clean(CODE, r#"{"serviceName": "web", "taskDefinition": "web:1", "launchType": "FARGATE"}"#);
    }

    #[test]
    fn non_fargate_services_are_left_to_correctness() {
        assert_clean(CODE, &svc(r#""launchType": "EC2","#, "1.3.0"));
        assert_clean(CODE, &svc(r#""launchType": "${LT}","#, "1.3.0"));
        let ec2_cp = r#""capacityProviderStrategy": [{"capacityProvider": "my-asg", "weight": 1}],"#;
        assert_clean(CODE, &svc(ec2_cp, "1.3.0"));
    }

    fn with_task(version: &str, os: &str) -> Vec<String> {
        let td = format!(
            r#"{{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "1024",
                "memory": "2048", "runtimePlatform": {{"operatingSystemFamily": "{os}"}},
                "containerDefinitions": [{{"name": "a", "image": "nginx"}}]}}"#
        );
        crate::rules::tester::linked(CODE, &svc(FARGATE, version), &td).into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn version_1_0_0_depends_on_the_operating_system() {
        // Alone, 1.0.0 may be the latest Windows version.
        assert_clean(CODE, &svc(FARGATE, "1.0.0"));
        assert_eq!(with_task("1.0.0", "LINUX").len(), 1);
        assert!(with_task("1.0.0", "WINDOWS_SERVER_2022_CORE").is_empty());
    }
}
