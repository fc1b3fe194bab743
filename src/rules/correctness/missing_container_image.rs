//! Every container needs an image reference with a repository; AWS rejects one without.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::model::known::is_placeholder;
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct MissingContainerImage {
        code: "ECS-COR-014",
        name: "missing-container-image",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a container without an image, or with an image that has no repository",
    }
}

const EMPTY_TEXT: &str = "Container.image should not be null or empty.";

impl Rule for MissingContainerImage {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            // Only objects: anything else is a schema finding.
            if !container.value().is_object() {
                continue;
            }
            let who = container.display();
            match container.get("image") {
                None | Some(Value::Null) => {
                    cx.report(self, container.pointer())
                        .on_key()
                        .message(format!("container {who} has no `image`; AWS rejects it: {EMPTY_TEXT}"))
                        .label("no `image`")
                        .help(
                            "add an `image`, e.g. \"public.ecr.aws/nginx/nginx:1.27\"; if a CI step \
                             fills it in, write a placeholder such as \"${IMAGE}\" and lint the \
                             template",
                        )
                        .emit();
                }
                Some(Value::String(image)) if image.is_empty() => {
                    cx.report(self, container.at("image"))
                        .message(format!("container {who} has an empty `image`; AWS rejects it: {EMPTY_TEXT}"))
                        .label("empty image")
                        .help(
                            "set `image` to a repository with a tag or digest, e.g. \
                             \"public.ecr.aws/nginx/nginx:1.27\"; the render step that fills it \
                             in may have been skipped",
                        )
                        .emit();
                }
                Some(Value::String(image)) if image.trim().is_empty() => {
                    cx.report(self, container.at("image"))
                        .message(format!(
                            "container {who} has a blank `image` (only whitespace), which is not \
                             an image reference"
                        ))
                        .label("blank image")
                        .help(
                            "set `image` to a repository with a tag or digest, e.g. \
                             \"public.ecr.aws/nginx/nginx:1.27\"",
                        )
                        .emit();
                }
                Some(Value::String(image)) if !is_placeholder(image) && image.trim_start().starts_with('@') => {
                    cx.report(self, container.at("image"))
                        .message(format!(
                            "container {who} has the image `{}`, a digest with no repository; AWS \
                             rejects it: Container.image repository should not be null or empty.",
                            image.escape_debug()
                        ))
                        .label("no repository before `@`")
                        .help(
                            "put the repository in front of the digest, e.g. \
                             \"public.ecr.aws/nginx/nginx@sha256:…\"; check the variable that \
                             should hold the repository",
                        )
                        .emit();
                }
                // A usable reference, a placeholder, or a wrong type (a schema finding).
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-014";
    const DIGEST: &str = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    fn td(container: &str) -> String {
        format!(r#"{{"family": "web", "containerDefinitions": [{{"name": "app", "memory": 64 {container}}}]}}"#)
    }

    #[test]
    fn fires_on_missing_or_empty_images_with_the_aws_text() {
        let messages = assert_fires(CODE, 1, &td(""));
        assert!(messages[0].contains("container `app` has no `image`"));
        assert!(messages[0].contains("Container.image should not be null or empty."));
        assert_fires(CODE, 1, &td(r#", "image": null"#));
        let messages = assert_fires(CODE, 1, &td(r#", "image": """#));
        assert!(messages[0].contains("Container.image should not be null or empty."));
        let messages = assert_fires(CODE, 1, &td(r#", "image": "  ""#));
        assert!(messages[0].contains("blank `image`"));
    }

    #[test]
    fn fires_on_a_digest_without_repository() {
        let messages = assert_fires(CODE, 1, &td(&format!(r#", "image": "@{DIGEST}""#)));
        assert!(messages[0].contains("Container.image repository should not be null or empty."));
    }

    #[test]
    fn accepts_references_and_placeholders() {
        assert_clean(CODE, &td(r#", "image": "nginx""#));
        assert_clean(CODE, &td(r#", "image": "public.ecr.aws/nginx/nginx:1.27""#));
        assert_clean(CODE, &td(&format!(r#", "image": "nginx@{DIGEST}""#)));
        assert_clean(CODE, &td(r#", "image": "${IMAGE}""#));
        assert_clean(CODE, &td(r#", "image": "<image-uri>""#));
        assert_clean(CODE, &td(r#", "image": "@${DIGEST}""#));
        assert_clean(CODE, &td(r#", "image": 7"#));
        assert_clean(CODE, r#"{"family": "web", "containerDefinitions": ["app", null]}"#);
    }

    #[test]
    fn applies_to_bare_container_arrays() {
        assert_fires(CODE, 1, r#"[{"name": "app", "image": ""}]"#);
    }
}
