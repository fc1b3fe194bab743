//! Images should come only from registries the organisation trusts (option `trusted-registries`).

use super::image_tag_latest::ImageRef;
use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct UntrustedImageRegistry {
        code: "ECS-SEC-021",
        name: "untrusted-image-registry",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "an image from a registry outside the trusted list",
    }
}

impl Rule for UntrustedImageRegistry {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // No list configured: the rule has no opinion.
        let patterns: Vec<Pattern> =
            cx.settings.options.trusted_registries.iter().filter_map(|p| Pattern::new(p)).collect();
        if patterns.is_empty() {
            return;
        }
        for container in task.containers() {
            let Some(raw) = container.image() else {
                continue;
            };
            let Some(image) = ImageRef::parse(raw) else {
                continue;
            };
            let canonical = image.canonical_name();
            let components: Vec<&str> = canonical.split('/').collect();
            if patterns.iter().any(|p| p.matches(&components)) {
                continue;
            }
            let host = image.registry_host();
            let implied =
                if image.registry.is_none() { " (Docker Hub, implied when no registry is written)" } else { "" };
            cx.report(self, container.at("image"))
                .message(format!(
                    "container {} pulls `{canonical}` from `{host}`{implied}, which matches no `trusted-registries` \
                     pattern",
                    container.display()
                ))
                .label("untrusted registry")
                .help(format!(
                    "use an image from a trusted registry (for example, copy it into your Amazon ECR), or add \
                     `{host}` to `trusted-registries` in ecslint.toml"
                ))
                .emit();
        }
    }
}

/// A `trusted-registries` entry: `host[/path]`, `*` matching any run of characters within one
/// `/`-separated component. The host compares case-insensitively; a path matches whole leading
/// components (`public.ecr.aws/myorg` trusts `public.ecr.aws/myorg/app`, not `public.ecr.aws/myorgx/app`).
struct Pattern {
    components: Vec<String>,
}

impl Pattern {
    fn new(raw: &str) -> Option<Self> {
        let text = raw.trim();
        let text = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://")).unwrap_or(text);
        let text = text.trim_end_matches('/');
        if text.is_empty() {
            return None;
        }
        let mut components: Vec<String> = text.split('/').map(str::to_string).collect();
        if let Some(host) = components.first_mut() {
            *host = host.to_ascii_lowercase();
            if matches!(host.as_str(), "index.docker.io" | "registry-1.docker.io") {
                *host = "docker.io".to_string();
            }
        }
        Some(Self { components })
    }

    fn matches(&self, image: &[&str]) -> bool {
        self.components.len() <= image.len()
            && self
                .components
                .iter()
                .zip(image)
                .all(|(pattern, component)| glob(pattern.as_bytes(), component.as_bytes()))
    }
}

/// `*` matches any run of bytes (including none); everything else matches itself.
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut resume: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                resume = Some((p, t));
                p += 1;
            }
            Some(&c) if c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match resume {
                Some((star, matched)) => {
                    p = star + 1;
                    t = matched + 1;
                    resume = Some((star, matched + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == b'*')
}

#[cfg(test)]
mod tests {
    use super::glob;
    use crate::rules::tester::messages_with;

    const CODE: &str = "ECS-SEC-021";

    fn messages(trusted: &[&str], json: &str) -> Vec<String> {
        messages_with(CODE, json, |s| s.options.trusted_registries = trusted.iter().map(|t| t.to_string()).collect())
    }

    fn td(image: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [{{"name": "app", "image": "{image}", "memory": 256}}]}}"#
        )
    }

    const ORG: &[&str] = &["*.dkr.ecr.*.amazonaws.com", "public.ecr.aws/myorg"];

    #[test]
    fn globs() {
        assert!(glob(b"*.dkr.ecr.*.amazonaws.com", b"123456789012.dkr.ecr.eu-west-1.amazonaws.com"));
        assert!(glob(b"*", b""));
        assert!(glob(b"a*b*c", b"aXbYbc"));
        assert!(!glob(b"*.example.com", b"example.com"));
        assert!(!glob(b"abc", b"abcd"));
    }

    #[test]
    fn silent_without_a_trusted_list() {
        assert!(messages(&[], &td("ghcr.io/acme/app:1")).is_empty());
        assert!(messages(&["", "  "], &td("ghcr.io/acme/app:1")).is_empty());
    }

    #[test]
    fn fires_outside_the_list() {
        let found = messages(ORG, &td("ghcr.io/acme/app:1"));
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("container `app` pulls `ghcr.io/acme/app` from `ghcr.io`"), "{}", found[0]);
        let found = messages(ORG, &td("nginx:1.27"));
        assert!(found[0].contains("`docker.io/library/nginx` from `docker.io` (Docker Hub"), "{}", found[0]);
        // A path pattern matches whole components only.
        assert_eq!(messages(ORG, &td("public.ecr.aws/myorgx/app:1")).len(), 1);
        assert_eq!(messages(ORG, &td("public.ecr.aws/nginx/nginx:1.27")).len(), 1);
        assert_eq!(messages(ORG, r#"[{"name": "a", "image": "quay.io/x/y:1"}]"#).len(), 1);
    }

    #[test]
    fn trusted_images_pass() {
        assert!(messages(ORG, &td("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0")).is_empty());
        assert!(messages(ORG, &td("public.ecr.aws/myorg/app:1.0")).is_empty());
        assert!(messages(ORG, &td("public.ecr.aws/myorg/team/app")).is_empty());
        assert!(messages(&["docker.io/library"], &td("nginx:1.27")).is_empty());
        assert!(messages(&["docker.io"], &td("bitnami/redis:7")).is_empty());
        assert!(messages(&["https://Index.Docker.IO/"], &td("nginx")).is_empty());
        assert!(messages(&["localhost:5000"], &td("localhost:5000/app")).is_empty());
    }

    #[test]
    fn ignores_placeholders_and_malformed_images() {
        assert!(messages(ORG, &td("${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/app:1")).is_empty());
        assert!(messages(ORG, &td("<IMAGE>")).is_empty());
        assert!(messages(ORG, &td("bad image")).is_empty());
    }
}
