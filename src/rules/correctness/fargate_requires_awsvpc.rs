//! Fargate tasks run only in the `awsvpc` network mode, and AWS has no default mode for them.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct FargateRequiresAwsvpc {
        code: "ECS-COR-002",
        name: "fargate-requires-awsvpc",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a Fargate task definition without networkMode awsvpc",
    }
}

/// AWS's error text, quoted as AWS writes it (with typographic quotes).
const AWS_TEXT: &str = "Fargate only supports network mode ‘awsvpc’.";

impl Rule for FargateRequiresAwsvpc {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if !task.is_fargate() {
            return;
        }
        let fargate = task.fargate_pointer();
        if !task.has("networkMode") {
            cx.report(self, fargate.as_str())
                .message(format!("a Fargate task definition without `networkMode`; AWS rejects it: {AWS_TEXT}"))
                .label("Fargate needs networkMode awsvpc")
                .help("add `\"networkMode\": \"awsvpc\"` to the task definition")
                .emit();
            return;
        }
        // A placeholder or a non-string (a schema finding) is left alone.
        let Some(mode) = task.network_mode() else {
            return;
        };
        if mode == "awsvpc" {
            return;
        }
        cx.report(self, "/networkMode")
            .message(format!("network mode `{mode}` in a Fargate task definition; AWS rejects it: {AWS_TEXT}"))
            .label("not supported on Fargate")
            .related(fargate, "Fargate required here")
            .help("set `networkMode` to \"awsvpc\", or remove FARGATE from `requiresCompatibilities`")
            .emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-002";

    fn td(compat: &str, network: &str) -> String {
        format!(
            r#"{{"family": "web", "requiresCompatibilities": {compat}, {network}
               "cpu": "256", "memory": "512",
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27"}}]}}"#
        )
    }

    #[test]
    fn fires_on_other_modes_with_the_aws_text() {
        let messages = assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, r#""networkMode": "bridge","#));
        assert!(messages[0].contains("`bridge`"));
        assert!(messages[0].contains("Fargate only supports network mode ‘awsvpc’."));
        assert_fires(CODE, 1, &td(r#"["EC2", "FARGATE"]"#, r#""networkMode": "host","#));
        assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, r#""networkMode": "none","#));
    }

    #[test]
    fn fires_when_network_mode_is_missing() {
        let messages = assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, ""));
        assert!(messages[0].contains("without `networkMode`"));
        assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, r#""networkMode": null,"#));
    }

    #[test]
    fn accepts_awsvpc_and_placeholders() {
        assert_clean(CODE, &td(r#"["FARGATE"]"#, r#""networkMode": "awsvpc","#));
        assert_clean(CODE, &td(r#"["FARGATE"]"#, r#""networkMode": "${NETWORK_MODE}","#));
        assert_clean(CODE, &td(r#"["FARGATE"]"#, r#""networkMode": 5,"#));
    }

    #[test]
    fn ignores_non_fargate_and_bare_container_arrays() {
        assert_clean(CODE, &td(r#"["EC2"]"#, r#""networkMode": "bridge","#));
        assert_clean(CODE, &td(r#"["EC2"]"#, ""));
        assert_clean(CODE, &td(r#"["${COMPAT}"]"#, ""));
        assert_clean(CODE, &td(r#""FARGATE""#, ""));
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx"}]"#);
    }
}
