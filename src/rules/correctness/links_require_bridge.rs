//! Docker links exist only on the bridge network; AWS rejects `links` in any other network mode.

use crate::context::LintContext;
use crate::data::launch_types::is_meaningful;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct LinksRequireBridge {
        code: "ECS-COR-026",
        name: "links-require-bridge",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "container links outside bridge network mode",
    }
}

impl Rule for LinksRequireBridge {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // Unknown for placeholders, bare container arrays, and Fargate or Windows without a mode.
        let Some(mode) = task.effective_network_mode() else {
            return;
        };
        // Any other value is not a network mode at all (an invalid-enum-value finding).
        if !matches!(mode, "awsvpc" | "host" | "none") {
            return;
        }
        let written = task.has("networkMode");
        for container in task.containers() {
            if !container.get("links").is_some_and(|l| l.is_array() && is_meaningful(l)) {
                continue;
            }
            let reason = if mode == "awsvpc" {
                "; AWS rejects it: Links are not supported when networkMode=awsvpc.".to_string()
            } else {
                ", and links work only in bridge mode".to_string()
            };
            let mut builder = cx
                .report(self, container.at("links"))
                .message(format!("container {} sets `links` in network mode `{mode}`{reason}", container.display()))
                .label("links need bridge mode")
                .help(if mode == "none" {
                    "remove `links`, or use `bridge` mode if the containers must talk to each other".to_string()
                } else {
                    format!(
                        "remove `links`: in `{mode}` mode the containers of a task reach each other on localhost \
                         (use `127.0.0.1:<port>` instead of the link alias)"
                    )
                });
            if written {
                builder = builder.related("/networkMode", format!("network mode `{mode}` set here"));
            }
            builder.emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-026";

    fn td(network: &str, links: &str) -> String {
        format!(
            r#"{{"family": "web", {network}
               "containerDefinitions": [
                 {{"name": "app", "image": "nginx:1.27", "memory": 256, "links": {links}}},
                 {{"name": "db", "image": "postgres:16", "memory": 512}}]}}"#
        )
    }

    #[test]
    fn fires_outside_bridge_with_the_aws_text() {
        let messages = assert_fires(CODE, 1, &td(r#""networkMode": "awsvpc","#, r#"["db"]"#));
        assert_eq!(
            messages[0],
            "container `app` sets `links` in network mode `awsvpc`; AWS rejects it: Links are not supported when \
             networkMode=awsvpc."
        );
        let messages = assert_fires(CODE, 1, &td(r#""networkMode": "host","#, r#"["db:database"]"#));
        assert!(messages[0].contains("links work only in bridge mode"));
        assert_fires(CODE, 1, &td(r#""networkMode": "none","#, r#"["db"]"#));
    }

    #[test]
    fn bridge_and_the_linux_default_are_fine() {
        assert_clean(CODE, &td(r#""networkMode": "bridge","#, r#"["db"]"#));
        assert_clean(CODE, &td("", r#"["db"]"#));
        assert_clean(CODE, &td(r#""networkMode": "awsvpc","#, "[]"));
        assert_clean(CODE, &td(r#""networkMode": "awsvpc","#, r#"[""]"#));
    }

    #[test]
    fn unknown_modes_stay_silent() {
        assert_clean(CODE, &td(r#""networkMode": "${MODE}","#, r#"["db"]"#));
        assert_clean(CODE, &td(r#""networkMode": "default","#, r#"["db"]"#));
        assert_clean(CODE, &td(r#""requiresCompatibilities": ["FARGATE"],"#, r#"["db"]"#));
        assert_clean(CODE, &td(r#""networkMode": "awsvpc","#, r#""${LINKS}""#));
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx", "links": ["db"]}]"#);
    }
}
