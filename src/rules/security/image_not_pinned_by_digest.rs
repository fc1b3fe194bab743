//! A tag can be moved to other image content; only a digest names exactly one image.

use super::image_tag_latest::ImageRef;
use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct ImageNotPinnedByDigest {
        code: "ECS-SEC-020",
        name: "image-not-pinned-by-digest",
        category: Security,
        severity: Info,
        since: "0.1.0",
        summary: "an image referenced by tag only, without a digest",
    }
}

impl Rule for ImageNotPinnedByDigest {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            let Some(raw) = container.image() else {
                continue;
            };
            let Some(image) = ImageRef::parse(raw) else {
                continue;
            };
            // No tag or `latest`: ECS-SEC-019 reports it.
            let Some(tag) = image.tag.filter(|t| *t != "latest") else {
                continue;
            };
            if image.digest.is_some() {
                continue;
            }
            cx.report(self, container.at("image"))
                .message(format!(
                    "container {} uses image `{raw}` by tag only; whoever can push to the repository can \
                     point `{tag}` at different content",
                    container.display()
                ))
                .label("tag without digest")
                .help(format!(
                    "append the digest to keep the tag readable and the content fixed: `{}:{tag}@sha256:<digest>`",
                    image.name()
                ))
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-020";
    const DIGEST: &str = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    fn td(image: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [{{"name": "app", "image": "{image}", "memory": 256}}]}}"#
        )
    }

    #[test]
    fn fires_on_a_tag_without_digest() {
        let messages = assert_fires(CODE, 1, &td("public.ecr.aws/nginx/nginx:1.27"));
        assert!(messages[0].contains("container `app` uses image `public.ecr.aws/nginx/nginx:1.27` by tag only"));
        assert_fires(CODE, 1, &td("registry.example.com:5000/app:v2"));
        assert_fires(CODE, 1, r#"[{"name": "a", "image": "redis:7"}]"#);
    }

    #[test]
    fn digests_pin_the_image() {
        assert_clean(CODE, &td(&format!("nginx:1.27@{DIGEST}")));
        assert_clean(CODE, &td(&format!("nginx@{DIGEST}")));
    }

    #[test]
    fn leaves_untagged_and_latest_to_sec_019() {
        assert_clean(CODE, &td("nginx"));
        assert_clean(CODE, &td("nginx:latest"));
        assert_clean(CODE, &td("registry.example.com:5000/app"));
    }

    #[test]
    fn ignores_placeholders() {
        assert_clean(CODE, &td("nginx:${TAG}"));
        assert_clean(CODE, &td("<IMAGE>"));
    }
}
