//! A privileged container has root-like access to the host instance (Security Hub ECS.4).

use super::container_runs_as_root::{Os, os_of};
use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct PrivilegedContainer {
        code: "ECS-SEC-001",
        name: "privileged-container",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a container runs in privileged mode",
    }
}

impl Rule for PrivilegedContainer {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            // Windows and Fargate do not support `privileged`: a correctness finding, not a risk.
            if container.bool("privileged") != Some(true) || os_of(task, &container) == Os::Windows || task.is_fargate()
            {
                continue;
            }
            cx.report(self, container.at("privileged"))
                .message(format!(
                    "container {} runs in privileged mode: it is given elevated privileges on the host container \
                     instance (similar to the root user)",
                    container.display()
                ))
                .label("privileged")
                .help(
                    "remove `privileged`; add only the Linux capabilities the container needs with \
                     `linuxParameters.capabilities.add`, or the host devices with `linuxParameters.devices`",
                )
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-001";

    fn td(extra: &str, privileged: &str) -> String {
        format!(
            r#"{{"family": "web", {extra} "containerDefinitions": [
                {{"name": "app", "image": "nginx:1.27", "memory": 256, "privileged": {privileged}}}]}}"#
        )
    }

    #[test]
    fn fires_on_privileged_true() {
        let messages = assert_fires(CODE, 1, &td("", "true"));
        assert!(messages[0].starts_with("container `app` runs in privileged mode"));
        assert_fires(CODE, 1, r#"[{"name": "a", "image": "nginx", "privileged": true}]"#);
    }

    #[test]
    fn accepts_false_absent_and_unknown_values() {
        assert_clean(CODE, &td("", "false"));
        assert_clean(CODE, &td("", "null"));
        assert_clean(CODE, &td("", r#""${PRIVILEGED}""#));
        assert_clean(CODE, &td("", r#""true""#));
        assert_clean(CODE, r#"[{"name": "a", "image": "nginx"}]"#);
    }

    #[test]
    fn leaves_windows_to_the_correctness_rule() {
        let windows = r#""runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2019_FULL"},"#;
        assert_clean(CODE, &td(windows, "true"));
        // Fargate rejects `privileged`: ECS-COR-023's finding.
        assert_clean(CODE, &td(r#""requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc","#, "true"));
    }
}
