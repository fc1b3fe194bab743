//! An image reference must use the characters and length AWS accepts and a `sha256` digest, and
//! be a reference Docker can pull (lowercase repository, valid tag).

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidImageReference {
        code: "ECS-COR-034",
        name: "invalid-image-reference",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "an image reference that is not a valid repository, tag or digest",
    }
}

// ContainerDefinition `image`, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
// (checked 2026-11-23): "up to 255 characters total are allowed, including letters (uppercase and
// lowercase), numbers, hyphens, underscores, colons, periods, forward slashes, and number signs
// (#)"; with a digest the limit applies to everything before `@`; "The only supported hash
// function is sha256, and the hash value after sha256: must be exactly 64 characters".
const MAX_LEN: usize = 255;
const DIGEST_LEN: usize = 64;
/// Docker's tag grammar, https://github.com/distribution/reference (`[\w][\w.-]{0,127}`).
const MAX_TAG_LEN: usize = 128;

const INVALID_CHARS: &str = "Container.image contains invalid characters.";

/// What is wrong with an image reference.
#[derive(Debug, PartialEq)]
enum Problem {
    /// AWS rejects it at registration.
    Character(char),
    TooLong(usize),
    Digest,
    /// AWS accepts it, but Docker and containerd cannot parse it, so the pull fails.
    DigestCase,
    Tag(String),
    Uppercase(String),
    Repository(String),
}

fn aws_allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.' | '/' | '#' | '@')
}

/// A template marker the placeholder detector does not know (`#{Var}`, `%VAR%`, `@@VAR@@`,
/// `__IMAGE__`, `REPOSITORY_URI:IMAGE_TAG`, `XXXXX.dkr.ecr…`): the value is rendered later, so it
/// is not judged.
fn looks_templated(image: &str) -> bool {
    if image.contains(['{', '}', '%', '$', '<', '>']) || image.contains("@@") {
        return true;
    }
    // A registry or repository word in capitals only (tags may be upper case, so they do not count).
    let screaming = |word: &str| {
        word.len() >= 2 && word.chars().any(|c| c.is_ascii_uppercase()) && !word.chars().any(|c| c.is_ascii_lowercase())
    };
    image
        .split(['/', '@'])
        .filter_map(|segment| segment.split(':').next())
        .flat_map(|name| name.split('.'))
        .any(screaming)
}

fn check(image: &str) -> Option<Problem> {
    if let Some(bad) = image.chars().find(|&c| !aws_allowed(c)) {
        return Some(Problem::Character(bad));
    }
    // All ASCII from here, so bytes are characters.
    let (name, digest) = match image.split_once('@') {
        Some((name, digest)) => (name, Some(digest)),
        None => (image, None),
    };
    if name.len() > MAX_LEN {
        return Some(Problem::TooLong(name.len()));
    }
    if let Some(digest) = digest {
        let hex = digest.strip_prefix("sha256:").unwrap_or_default();
        if hex.len() != DIGEST_LEN || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Some(Problem::Digest);
        }
        if hex.bytes().any(|b| b.is_ascii_uppercase()) {
            return Some(Problem::DigestCase);
        }
    }
    // The tag follows the last `:` after the last `/` (an earlier `:` is a registry port).
    let last_slash = name.rfind('/').map_or(0, |i| i + 1);
    let (repository, tag) = match name[last_slash..].rfind(':') {
        Some(i) => (&name[..last_slash + i], Some(&name[last_slash + i + 1..])),
        None => (name, None),
    };
    if let Some(tag) = tag {
        let valid = tag.len() <= MAX_TAG_LEN
            && tag.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
            && tag.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
        if !valid {
            return Some(Problem::Tag(tag.to_string()));
        }
    }
    // Docker reads the first component as a registry when it has a `.` or `:` or is `localhost`.
    let path = match repository.split_once('/') {
        Some((domain, rest)) if domain.contains(['.', ':']) || domain == "localhost" => rest,
        _ => repository,
    };
    if path.chars().any(|c| c.is_ascii_uppercase()) {
        return Some(Problem::Uppercase(path.to_string()));
    }
    if !path.split('/').all(valid_component) {
        return Some(Problem::Repository(path.to_string()));
    }
    None
}

/// Docker's path component: `[a-z0-9]+` joined by `.`, `_`, `__` or runs of `-`.
fn valid_component(component: &str) -> bool {
    let bytes = component.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if !first.is_ascii_alphanumeric() || !last.is_ascii_alphanumeric() {
        return false;
    }
    let mut separator = String::new();
    for &b in bytes {
        if b.is_ascii_lowercase() || b.is_ascii_digit() {
            if !(separator.is_empty()
                || separator == "."
                || separator == "_"
                || separator == "__"
                || separator.bytes().all(|s| s == b'-'))
            {
                return false;
            }
            separator.clear();
        } else {
            separator.push(char::from(b));
        }
    }
    true
}

impl Rule for InvalidImageReference {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            let Some(image) = container.image() else {
                continue;
            };
            // Empty, blank and digest-only images are ECS-COR-014's findings.
            if image.trim().is_empty() || image.trim_start().starts_with('@') || looks_templated(image) {
                continue;
            }
            let Some(problem) = check(image) else {
                continue;
            };
            let shown = image.escape_debug().to_string();
            let who = container.display();
            let (message, label, help) = match problem {
                Problem::Character(c) => (
                    format!(
                        "image `{shown}` of container {who} contains {}; AWS rejects it: {INVALID_CHARS}",
                        describe(c)
                    ),
                    "invalid character".to_string(),
                    "an image reference is `registry/repository:tag` or `registry/repository@sha256:…` with no spaces \
                     or other characters; check the variable or step that builds it"
                        .to_string(),
                ),
                Problem::TooLong(len) => (
                    format!(
                        "image reference of container {who} is {len} characters long; AWS rejects it: \
                         Container.image should be {MAX_LEN} characters or less"
                    ),
                    format!("longer than {MAX_LEN} characters"),
                    format!("shorten the repository and tag to {MAX_LEN} characters or fewer"),
                ),
                Problem::Digest => (
                    format!(
                        "image `{shown}` of container {who} has a digest that is not `sha256:` followed by \
                         {DIGEST_LEN} hexadecimal characters, the only digest form AWS accepts"
                    ),
                    "not a sha256 digest".to_string(),
                    "copy the full digest, e.g. `repository@sha256:` and 64 hex characters, as shown by \
                     `docker buildx imagetools inspect` or the ECR console"
                        .to_string(),
                ),
                Problem::DigestCase => (
                    format!(
                        "image `{shown}` of container {who} has upper-case letters in its digest; AWS accepts it, but \
                         Docker and containerd only read lowercase digests, so the image cannot be pulled"
                    ),
                    "upper-case digest".to_string(),
                    "write the digest in lowercase".to_string(),
                ),
                Problem::Tag(tag) => (
                    format!(
                        "image `{shown}` of container {who} has the tag `{}`, which Docker cannot read (up to \
                         {MAX_TAG_LEN} letters, digits, `_`, `.` and `-`, not starting with `.` or `-`), so the image \
                         cannot be pulled: invalid reference format",
                        tag.escape_debug()
                    ),
                    "not a valid tag".to_string(),
                    if tag.is_empty() {
                        "write the tag after the `:`, or remove the `:`".to_string()
                    } else {
                        "use the tag exactly as it was pushed to the registry".to_string()
                    },
                ),
                Problem::Uppercase(path) => (
                    format!(
                        "image `{shown}` of container {who} has upper-case letters in the repository `{path}`; AWS \
                         accepts it, but Docker cannot pull it: repository name must be lowercase"
                    ),
                    "repository must be lowercase".to_string(),
                    format!("write the repository in lowercase: `{}`", path.to_ascii_lowercase()),
                ),
                Problem::Repository(path) => (
                    format!(
                        "image `{shown}` of container {who} has the repository `{path}`, which is not a valid Docker \
                         repository name, so the image cannot be pulled: invalid reference format"
                    ),
                    "not a valid repository".to_string(),
                    "use lowercase letters and digits, separated by single `.`, `_`, `__` or `-`, with `/` between \
                     path components"
                        .to_string(),
                ),
            };
            cx.report(self, container.at("image")).message(message).label(label).help(help).emit();
        }
    }
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".to_string(),
        '\t' => "a tab".to_string(),
        '\n' | '\r' => "a line break".to_string(),
        c if c.is_control() || c.is_whitespace() => format!("the character U+{:04X}", u32::from(c)),
        c => format!("`{c}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::{Problem, check, looks_templated};
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-034";

    fn td(image: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [{{"name": "app", "image": "{image}", "memory": 256}}]}}"#
        )
    }

    const DIGEST: &str = "sha256:94afd1f2e64d908bc90dbca0035a5b567a1b2c3d4e5f60718293a4b5c6d7e8f9";

    #[test]
    fn accepts_what_docker_accepts() {
        for image in [
            "nginx",
            "nginx:1.27-alpine",
            "amazon/amazon-ecs-agent:latest",
            "quay.io/assemblyline/ubuntu",
            "public.ecr.aws/nginx/nginx:1.27",
            "012345678910.dkr.ecr.us-east-1.amazonaws.com/my-repo:v1.2.3",
            "localhost:5000/app:dev",
            "localhost/app",
            "registry.example.com:5000/team/app__x.y-z:TAG_1",
            "MyRegistry.example.com/app:1",
            "ghcr.io/org/app:sha-abc123",
            "repo/a---b",
        ] {
            assert_eq!(check(image), None, "{image}");
        }
        assert_eq!(check(&format!("nginx@{DIGEST}")), None);
        assert_eq!(check(&format!("nginx:1.27@{DIGEST}")), None);
    }

    #[test]
    fn finds_each_problem() {
        assert_eq!(check("nginx: 1.27"), Some(Problem::Character(' ')));
        assert_eq!(check("nginx:1.27!"), Some(Problem::Character('!')));
        assert_eq!(check(&format!("r/{}", "a".repeat(300))), Some(Problem::TooLong(302)));
        assert_eq!(check("nginx@sha256:abc"), Some(Problem::Digest));
        assert_eq!(check(&format!("nginx@{}", DIGEST.replace("sha256", "sha512"))), Some(Problem::Digest));
        assert_eq!(
            check(&format!("nginx@{}", DIGEST.to_ascii_uppercase().replace("SHA256", "sha256"))),
            Some(Problem::DigestCase)
        );
        assert_eq!(check("nginx:"), Some(Problem::Tag(String::new())));
        assert_eq!(check("nginx:-x"), Some(Problem::Tag("-x".into())));
        assert_eq!(check("nginx:a#b"), Some(Problem::Tag("a#b".into())));
        assert_eq!(check(&format!("nginx:{}", "a".repeat(129))), Some(Problem::Tag("a".repeat(129))));
        assert_eq!(check("MyOrg/App:1"), Some(Problem::Uppercase("MyOrg/App".into())));
        assert_eq!(check("quay.io/Org/app"), Some(Problem::Uppercase("Org/app".into())));
        assert_eq!(check("repo//app"), Some(Problem::Repository("repo//app".into())));
        assert_eq!(check("repo/app/"), Some(Problem::Repository("repo/app/".into())));
        assert_eq!(check("repo/.app"), Some(Problem::Repository("repo/.app".into())));
        assert_eq!(check("repo/a..b"), Some(Problem::Repository("repo/a..b".into())));
        assert_eq!(check("repo/a#b"), Some(Problem::Repository("repo/a#b".into())));
        assert_eq!(check("repo:1/app:2"), None, "registry with a port");
        assert_eq!(check("repo/x:1:2"), Some(Problem::Repository("repo/x:1".into())));
    }

    #[test]
    fn recognises_other_template_markers() {
        for image in [
            "#{Octopus.Image}",
            "%IMAGE%",
            "@@IMAGE@@",
            "__IMAGE__",
            "repo/{{x}}",
            "REPOSITORY_URI:IMAGE_TAG",
            "REPLACE_ME_IMAGE_TAG_USED_IN_ECR_PUSH",
            "XXXXX.dkr.ecr.us-east-1.amazonaws.com/app:1",
            "ACCOUNT.dkr.ecr.REGION.amazonaws.com/app",
        ] {
            assert!(looks_templated(image), "{image}");
        }
        for image in ["nginx", "repo/a__b", "__x", "nginx:LATEST", "nginx:1.0-RC1", "My/App", "localhost:5000/app"] {
            assert!(!looks_templated(image), "{image}");
        }
    }

    #[test]
    fn fires_with_the_aws_text() {
        let messages = assert_fires(CODE, 1, &td("nginx:1.27 "));
        assert!(messages[0].contains("image `nginx:1.27 ` of container `app` contains a space"));
        assert!(messages[0].contains("Container.image contains invalid characters."));
        let messages = assert_fires(CODE, 1, &td("Nginx:latest"));
        assert!(messages[0].contains("repository name must be lowercase"));
    }

    #[test]
    fn leaves_placeholders_and_other_rules_findings_alone() {
        assert_clean(CODE, &td("${IMAGE}"));
        assert_clean(CODE, &td("$ECR_REGISTRY/$ECR_REPOSITORY:$IMAGE_TAG"));
        assert_clean(CODE, &td("<account-id>.dkr.ecr.us-east-1.amazonaws.com/app:1"));
        assert_clean(CODE, &td("__IMAGE__"));
        assert_clean(CODE, &td(""));
        assert_clean(CODE, &td("   "));
        assert_clean(CODE, &td("@sha256:abc"));
        assert_clean(CODE, r#"{"family": "web", "containerDefinitions": [{"name": "app", "image": 5}]}"#);
    }

    #[test]
    fn applies_to_bare_container_arrays() {
        assert_fires(CODE, 1, r#"[{"name": "app", "image": "My/App"}]"#);
    }
}
