//! A `platformVersion` AWS cannot resolve, or one set on a service that does not run on Fargate.

use crate::context::LintContext;
use crate::data::fargate_platform::{display, is_latest, latest, parse, versions};
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidPlatformVersion {
        code: "ECS-COR-059",
        name: "invalid-platform-version",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a platformVersion on a non-Fargate service or in a form AWS does not know",
    }
}

const POINTER: &str = "/platformVersion";

/// `1.4` → `1.4.0`, when that is what the author most likely meant.
fn completed(text: &str) -> Option<String> {
    let candidate = format!("{text}.0");
    parse(&candidate).map(|_| candidate)
}

impl Rule for InvalidPlatformVersion {
    fn check_service(&self, service: &Service<'_>, task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        // A blank value is how some tools write "unset": not judged.
        let Some(version) = service.str("platformVersion").filter(|v| !v.trim().is_empty()) else { return };
        if let Some(launch_type @ ("EC2" | "EXTERNAL")) = service.launch_type() {
            let aws = if launch_type == "EC2" {
                "; AWS rejects it: The platform version must be null when specifying an EC2 launch type."
            } else {
                ": a platform version is specified only for tasks using the Fargate launch type"
            };
            cx.report(self, POINTER)
                .message(format!(
                    "`platformVersion` \"{version}\" is set on a service with the {launch_type} launch type{aws}"
                ))
                .label("only for Fargate")
                .related("/launchType", format!("{launch_type} launch type"))
                .help("remove `platformVersion`: platform versions exist only for Fargate")
                .emit();
            return;
        }
        if is_latest(version) {
            return;
        }
        let windows = task.is_some_and(TaskDefinition::is_windows);
        let os = if windows { "Windows" } else { "Linux" };
        let Some(parsed) = parse(version) else {
            let suggestion = completed(version).map_or_else(String::new, |full| format!("`{full}` or "));
            cx.report(self, POINTER)
                .message(format!(
                    "`platformVersion` \"{version}\" is not a platform version: AWS takes `LATEST` or a full version \
                     such as `1.4.0`; AWS rejects it: PlatformUnknownException: The specified platform does not exist."
                ))
                .label("not LATEST or major.minor.patch")
                .help(format!("write {suggestion}`LATEST`"))
                .emit();
            return;
        };
        // Versions above the latest known one may be newer than the table: not judged.
        let newest = latest(windows);
        if parsed > newest || versions(windows).contains(&parsed) {
            return;
        }
        let known: Vec<String> = versions(windows).iter().map(|v| display(*v)).collect();
        let mut finding = cx
            .report(self, POINTER)
            .message(format!(
                "Fargate has no {os} platform version {version} (the {os} versions are {}); AWS rejects it: \
                 PlatformUnknownException: The specified platform does not exist.",
                known.join(", ")
            ))
            .label(format!("no such {os} platform version"))
            .help(format!("use `{}` or `LATEST`", display(newest)));
        if windows {
            finding = finding.related_task("/runtimePlatform/operatingSystemFamily", "Windows task definition");
        }
        finding.emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-059";

    fn svc(launch: &str, version: &str) -> String {
        format!(
            r#"{{"serviceName": "web", "taskDefinition": "web:1", "launchType": "{launch}", "platformVersion": "{version}"}}"#
        )
    }

    #[test]
    fn short_forms_are_unknown_platforms() {
        let messages = assert_fires(CODE, 1, &svc("FARGATE", "1.4"));
        assert!(messages[0].contains("\"1.4\" is not a platform version"));
        assert!(messages[0].contains("PlatformUnknownException: The specified platform does not exist."));
        let found = crate::rules::tester::findings(CODE, &svc("FARGATE", "1.4"));
        assert_eq!(found[0].help.as_deref(), Some("write `1.4.0` or `LATEST`"));
        assert_fires(CODE, 1, &svc("FARGATE", "v1.4.0"));
        assert_fires(CODE, 1, &svc("FARGATE", "1.4.0.0"));
        assert_clean(CODE, &svc("FARGATE", ""));
    }

    #[test]
    fn versions_that_never_existed() {
        let messages = assert_fires(CODE, 1, &svc("FARGATE", "1.3.1"));
        assert!(messages[0].contains("no Linux platform version 1.3.1"));
        assert_fires(CODE, 1, &svc("FARGATE", "0.9.0"));
        // Above the latest known version: possibly newer than the table.
        assert_clean(CODE, &svc("FARGATE", "1.5.0"));
        assert_clean(CODE, &svc("FARGATE", "2.0.0"));
    }

    #[test]
    fn not_for_ec2_or_external() {
        let messages = assert_fires(CODE, 1, &svc("EC2", "LATEST"));
        assert!(messages[0].contains("The platform version must be null when specifying an EC2 launch type."));
        assert_fires(CODE, 1, &svc("EXTERNAL", "1.4.0"));
    }

    #[test]
    fn valid_and_unset_versions_are_clean() {
        for version in ["LATEST", "1.4.0", "1.3.0", "1.0.0"] {
            assert_clean(CODE, &svc("FARGATE", version));
        }
        assert_clean(CODE, r#"{"serviceName": "web", "launchType": "FARGATE"}"#);
        assert_clean(CODE, r#"{"serviceName": "web", "launchType": "EC2"}"#);
        // A strategy (no launch type) with a version is fine.
        assert_clean(
            CODE,
            r#"{"serviceName": "web", "platformVersion": "1.4.0",
               "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]}"#,
        );
    }

    #[test]
    fn placeholders_are_opaque() {
        assert_clean(CODE, &svc("FARGATE", "${PLATFORM_VERSION}"));
        // The version is known and wrong whatever the launch type renders to.
        assert_fires(CODE, 1, &svc("${LAUNCH_TYPE}", "1.4"));
    }

    #[test]
    fn windows_versions_come_from_the_linked_task_definition() {
        let td = r#"{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "1024",
                "memory": "2048", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
                "containerDefinitions": [{"name": "a", "image": "mcr.microsoft.com/windows/servercore:ltsc2022"}]}"#;
        let found = crate::rules::tester::linked(CODE, &svc("FARGATE", "0.1.0"), td);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("no Windows platform version 0.1.0 (the Windows versions are 1.0.0)"));
    }
}
