//! A cluster whose ECS Exec configuration says `logging: NONE` keeps no record of the commands run
//! in interactive sessions in its containers (checkov CKV_AWS_223).

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::Cluster;
use crate::model::known::known_str;
use crate::rule::Rule;

declare_rule! {
    pub struct ExecuteCommandLoggingDisabled {
        code: "ECS-SEC-036",
        name: "execute-command-logging-disabled",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "the cluster turns off logging of ECS Exec sessions",
    }
}

const LOGGING: [&str; 3] = ["configuration", "executeCommandConfiguration", "logging"];

impl Rule for ExecuteCommandLoggingDisabled {
    fn check_cluster(&self, cluster: &Cluster<'_>, cx: &mut LintContext<'_>) {
        if known_str(cluster.at(&LOGGING)) != Some("NONE") {
            return;
        }
        let who = cluster.describe();
        cx.report(self, "/configuration/executeCommandConfiguration/logging")
            .message(format!(
                "{who} does not log ECS Exec sessions (`logging` NONE): the commands run in its containers with \
                 `aws ecs execute-command`, and their output, are not recorded"
            ))
            .label("ECS Exec sessions not logged")
            .help(
                "remove `logging` (DEFAULT sends session output to the task definition's awslogs configuration) or set \
                 it to OVERRIDE with a `logConfiguration` naming an encrypted CloudWatch log group or S3 bucket",
            )
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{cluster_findings, render_findings};

    const CODE: &str = "ECS-SEC-036";

    fn cluster(exec: &str) -> String {
        format!(r#"{{"clusterName": "white-hart", "configuration": {{"executeCommandConfiguration": {exec}}}}}"#)
    }

    #[test]
    fn logging_none_is_reported() {
        let found = cluster_findings(CODE, &cluster(r#"{"logging": "NONE", "logConfiguration": {}}"#));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/configuration/executeCommandConfiguration/logging");
        assert!(found[0].message.starts_with("cluster `white-hart` does not log ECS Exec sessions"));
    }

    /// checkov's CKV_AWS_223 fixture (`example_ECSClusterLoggingEnabled/main.tf`): `fail` sets NONE,
    /// `pass` omits `logging` (DEFAULT), `pass2` sets DEFAULT.
    #[test]
    fn agrees_with_the_checkov_fixture() {
        assert_eq!(cluster_findings(CODE, &cluster(r#"{"logging": "NONE", "logConfiguration": {}}"#)).len(), 1);
        assert!(cluster_findings(CODE, &cluster(r#"{"logConfiguration": {}}"#)).is_empty());
        assert!(cluster_findings(CODE, &cluster(r#"{"logging": "DEFAULT", "logConfiguration": {}}"#)).is_empty());
    }

    #[test]
    fn other_settings_and_placeholders_are_clean() {
        assert!(cluster_findings(CODE, r#"{"clusterName": "main"}"#).is_empty());
        assert!(cluster_findings(CODE, r#"{"configuration": {}}"#).is_empty());
        let over = r#"{"logging": "OVERRIDE", "logConfiguration": {"cloudWatchLogGroupName": "/ecs/exec"}}"#;
        assert!(cluster_findings(CODE, &cluster(over)).is_empty());
        assert!(cluster_findings(CODE, &cluster(r#"{"logging": "${EXEC_LOGGING}"}"#)).is_empty());
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(render_findings(&cluster_findings(CODE, &cluster(r#"{"logging": "NONE"}"#))));
    }
}
