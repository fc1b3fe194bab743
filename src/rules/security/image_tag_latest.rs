//! An image without a tag or with `latest` is mutable: the same task definition can deploy different code.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct ImageTagLatest {
        code: "ECS-SEC-019",
        name: "image-tag-latest",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "an image without a tag, or with the mutable tag latest",
    }
}

impl Rule for ImageTagLatest {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            let Some(raw) = container.image() else {
                continue;
            };
            let Some(image) = ImageRef::parse(raw) else {
                continue;
            };
            if image.digest.is_some() {
                continue;
            }
            let (message, label) = match image.tag {
                None => (
                    format!(
                        "container {} uses image `{raw}` without a tag, so it runs whatever `latest` points to \
                         when the task starts",
                        container.display()
                    ),
                    "no tag: means `latest`",
                ),
                Some("latest") => (
                    format!(
                        "container {} uses image `{raw}`; `latest` is a mutable tag, so the same task definition \
                         can start different code",
                        container.display()
                    ),
                    "mutable tag",
                ),
                Some(_) => continue,
            };
            let name = image.name();
            cx.report(self, container.at("image"))
                .message(message)
                .label(label)
                .help(format!(
                    "pin the image to a release tag (`{name}:<version>`) or to a digest (`{name}@sha256:<digest>`)"
                ))
                .emit();
        }
    }
}

/// A parsed image reference: `[registry/]repository[:tag][@digest]`.
///
/// Follows the Docker reference grammar: the first path component is a registry host when it
/// contains `.` or `:`, is `localhost`, or has upper-case letters (`host:5000/repo` has no tag);
/// without one the image comes from Docker Hub. Only what the security rules need is checked;
/// malformed references return `None` (ECS-COR-034 reports them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ImageRef<'a> {
    /// The registry host as written (`None`: Docker Hub).
    pub registry: Option<&'a str>,
    /// The repository path without the registry (`nginx`, `library/nginx`, `myorg/app`).
    pub repository: &'a str,
    pub tag: Option<&'a str>,
    pub digest: Option<&'a str>,
}

impl<'a> ImageRef<'a> {
    pub(crate) fn parse(reference: &'a str) -> Option<Self> {
        if reference.is_empty() || reference.chars().any(char::is_whitespace) {
            return None;
        }
        let (name_and_tag, digest) = match reference.split_once('@') {
            Some((name, digest)) => {
                let (algorithm, hex) = digest.split_once(':')?;
                if algorithm.is_empty() || hex.is_empty() {
                    return None;
                }
                (name, Some(digest))
            }
            None => (reference, None),
        };
        let last_slash = name_and_tag.rfind('/').map_or(0, |i| i + 1);
        let (name, tag) = match name_and_tag[last_slash..].rfind(':') {
            Some(colon) => {
                let at = last_slash + colon;
                (&name_and_tag[..at], Some(&name_and_tag[at + 1..]))
            }
            None => (name_and_tag, None),
        };
        if let Some(tag) = tag
            && !is_valid_tag(tag)
        {
            return None;
        }
        let (registry, repository) = match name.split_once('/') {
            Some((first, rest)) if is_registry_host(first) => (Some(first), rest),
            _ => (None, name),
        };
        if !repository.split('/').all(is_valid_path_component) {
            return None;
        }
        if registry.is_some_and(|r| !is_valid_host(r)) {
            return None;
        }
        Some(Self { registry, repository, tag, digest })
    }

    /// The image name without tag or digest, as written (`nginx`, `public.ecr.aws/nginx/nginx`).
    pub(crate) fn name(&self) -> String {
        match self.registry {
            Some(registry) => format!("{registry}/{}", self.repository),
            None => self.repository.to_string(),
        }
    }

    /// The registry the image is pulled from, lower-case: `docker.io` when none is written.
    pub(crate) fn registry_host(&self) -> String {
        match self.registry {
            None | Some("index.docker.io" | "registry-1.docker.io") => "docker.io".to_string(),
            Some(host) => host.to_ascii_lowercase(),
        }
    }

    /// `registry/repository` as the registry sees it: Docker Hub's official images live under `library/`.
    pub(crate) fn canonical_name(&self) -> String {
        let host = self.registry_host();
        if host == "docker.io" && !self.repository.contains('/') {
            format!("docker.io/library/{}", self.repository)
        } else {
            format!("{host}/{}", self.repository)
        }
    }
}

fn is_registry_host(component: &str) -> bool {
    component.contains(['.', ':']) || component == "localhost" || component.chars().any(|c| c.is_ascii_uppercase())
}

/// `host[:port]`: letters, digits, `.` and `-` (or a bracketed IPv6 address), then a numeric port.
fn is_valid_host(registry: &str) -> bool {
    let (host_ok, rest) = match registry.strip_prefix('[') {
        Some(bracketed) => match bracketed.split_once(']') {
            Some((address, rest)) => {
                (!address.is_empty() && address.chars().all(|c| c.is_ascii_hexdigit() || c == ':'), rest)
            }
            None => return false,
        },
        None => {
            let end = registry.find(':').unwrap_or(registry.len());
            let host = &registry[..end];
            (
                !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-')),
                &registry[end..],
            )
        }
    };
    host_ok
        && (rest.is_empty()
            || rest.strip_prefix(':').is_some_and(|port| !port.is_empty() && port.chars().all(|c| c.is_ascii_digit())))
}

/// Docker repository components: lower-case letters and digits, joined by `.`, `_`, `__` or dashes.
fn is_valid_path_component(component: &str) -> bool {
    let bytes = component.as_bytes();
    let alnum = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    bytes.first().is_some_and(alnum)
        && bytes.last().is_some_and(alnum)
        && bytes.iter().all(|c| alnum(c) || matches!(c, b'.' | b'_' | b'-'))
}

/// Docker tags: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
fn is_valid_tag(tag: &str) -> bool {
    let mut chars = tag.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphanumeric() || c == '_')
        && tag.len() <= 128
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

#[cfg(test)]
mod tests {
    use super::ImageRef;
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-019";

    fn td(image: &str) -> String {
        format!(r#"{{"family": "web", "containerDefinitions": [{{"name": "app", "image": {image}, "memory": 256}}]}}"#)
    }

    #[test]
    fn parses_registries_tags_and_digests() {
        let r = ImageRef::parse("nginx").unwrap();
        assert_eq!((r.registry, r.repository, r.tag, r.digest), (None, "nginx", None, None));
        assert_eq!(r.canonical_name(), "docker.io/library/nginx");
        let r = ImageRef::parse("localhost:5000/team/app").unwrap();
        assert_eq!((r.registry, r.repository, r.tag), (Some("localhost:5000"), "team/app", None));
        let r = ImageRef::parse("registry.example.com:5000/app:1.2").unwrap();
        assert_eq!((r.registry, r.tag), (Some("registry.example.com:5000"), Some("1.2")));
        let r = ImageRef::parse("bitnami/redis:7.2").unwrap();
        assert_eq!(r.canonical_name(), "docker.io/bitnami/redis");
        let r = ImageRef::parse("index.docker.io/library/nginx:1").unwrap();
        assert_eq!(r.registry_host(), "docker.io");
        let r = ImageRef::parse("[::1]:5000/app:1").unwrap();
        assert_eq!((r.registry, r.repository, r.tag), (Some("[::1]:5000"), "app", Some("1")));
        let digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        let with_both = format!("public.ecr.aws/nginx/nginx:1.27@{digest}");
        let r = ImageRef::parse(&with_both).unwrap();
        assert_eq!((r.tag, r.digest), (Some("1.27"), Some(digest)));
        for bad in [
            "",
            "nginx:",
            "a b",
            "@sha256:abc",
            "nginx@sha256",
            "host:5000/",
            "nginx:bad/tag",
            "//x",
            "h:/x",
            "REPLACE_ME",
            "x.io/myApp:1",
            "-a",
        ] {
            assert_eq!(ImageRef::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn fires_without_a_tag_and_on_latest() {
        let messages = assert_fires(CODE, 1, &td(r#""nginx""#));
        assert!(messages[0].contains("container `app` uses image `nginx` without a tag"), "{}", messages[0]);
        let messages = assert_fires(CODE, 1, &td(r#""public.ecr.aws/nginx/nginx:latest""#));
        assert!(messages[0].contains("`latest` is a mutable tag"));
        assert_fires(CODE, 1, &td(r#""registry.example.com:5000/team/app""#));
        assert_fires(CODE, 1, r#"[{"name": "a", "image": "redis:latest"}]"#);
    }

    #[test]
    fn pinned_images_are_fine() {
        assert_clean(CODE, &td(r#""nginx:1.27""#));
        assert_clean(CODE, &td(r#""registry.example.com:5000/team/app:2024.06""#));
        assert_clean(CODE, &td(r#""nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef""#));
        assert_clean(
            CODE,
            &td(r#""nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef""#),
        );
        // `LATEST` is a different tag: tags are case-sensitive.
        assert_clean(CODE, &td(r#""nginx:LATEST""#));
    }

    #[test]
    fn placeholders_and_malformed_references_are_ignored() {
        assert_clean(CODE, &td(r#""${IMAGE}""#));
        assert_clean(CODE, &td(r#""123456789012.dkr.ecr.us-east-1.amazonaws.com/app:{{ tag }}""#));
        assert_clean(CODE, &td(r#""<IMAGE1_NAME>""#));
        assert_clean(CODE, &td(r#""nginx latest""#));
        assert_clean(CODE, &td(r#""REPLACE_ME_IMAGE""#));
        assert_clean(CODE, &td(r#""""#));
        assert_clean(CODE, &td("42"));
        assert_clean(CODE, &td("null"));
    }
}
