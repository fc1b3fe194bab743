//! A Linux container without a non-root `user` runs as root (Security Hub ECS.20).

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{is_placeholder, is_present};
use crate::model::{Container, TaskDefinition};
use crate::rule::Rule;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde_json::Value;

declare_rule! {
    pub struct ContainerRunsAsRoot {
        code: "ECS-SEC-007",
        name: "container-runs-as-root",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a Linux container runs as root",
    }
}

/// The operating system a container runs, as far as the file shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Os {
    /// `runtimePlatform.operatingSystemFamily` is `LINUX` or not set (the AWS default).
    Linux,
    /// `operatingSystemFamily` is one of the `WINDOWS_*` values.
    Windows,
    /// A placeholder, a wrong type, or no OS family with an image that only exists for Windows.
    Unknown,
}

/// The container's OS: Linux unless the task says Windows; unknown when the OS family is opaque,
/// or when it is not written and the container looks like a Windows container.
pub(super) fn os_of(task: &TaskDefinition<'_>, container: &Container<'_>) -> Os {
    if task.is_windows() {
        return Os::Windows;
    }
    let platform = task.get("runtimePlatform");
    let family = platform.and_then(|p| p.get("operatingSystemFamily"));
    let platform_opaque = is_present(platform) && !platform.is_some_and(Value::is_object);
    if platform_opaque || (is_present(family) && task.os_family().is_none()) {
        return Os::Unknown;
    }
    if !is_present(family) && looks_like_windows(container) {
        return Os::Unknown;
    }
    Os::Linux
}

/// Windows on EC2 does not need `runtimePlatform`, so without it the container itself is the only
/// hint: a Windows image name, or a Windows program as its entry point.
fn looks_like_windows(container: &Container<'_>) -> bool {
    let image = container.image().unwrap_or_default().to_ascii_lowercase();
    let windows_image =
        ["windows", "nanoserver", "servercore", "ltsc20", "mcr.microsoft.com/dotnet/framework", "microsoft/iis"]
            .iter()
            .any(|marker| image.contains(marker));
    let program = ["entryPoint", "command"]
        .iter()
        .find_map(|field| container.array(field).first().and_then(Value::as_str))
        .map(|p| p.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let windows_program = ["powershell", "cmd", "cmd.exe"].contains(&program.as_str())
        || program.ends_with(".exe")
        || program.get(1..3) == Some(":\\");
    windows_image || windows_program
}

/// What `user` says about running as root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum User<'a> {
    /// Absent, `null` or empty: the image's `USER` applies, root when the image sets none.
    Unset,
    /// `root`, `0`, or either with a group (`0:0`, `root:root`, `0:1000`).
    Root(&'a str),
    /// Another user, a placeholder, or a wrong type.
    Other,
}

pub(super) fn user_of<'a>(container: &Container<'a>) -> User<'a> {
    match container.get("user") {
        None | Some(Value::Null) => User::Unset,
        Some(Value::String(s)) if is_placeholder(s) => User::Other,
        Some(Value::String(s)) if s.trim().is_empty() => User::Unset,
        Some(Value::String(s)) => {
            let name = s.split(':').next().unwrap_or_default().trim();
            if name == "root" || name.parse::<u64>() == Ok(0) { User::Root(s) } else { User::Other }
        }
        Some(_) => User::Other,
    }
}

/// The `allowed-root-images` option, compiled once per task definition.
pub(super) struct RootImageAllowlist(Option<GlobSet>);

impl RootImageAllowlist {
    pub(super) fn new(cx: &LintContext<'_>) -> Self {
        let patterns = &cx.settings.options.allowed_root_images;
        if patterns.is_empty() {
            return Self(None);
        }
        let mut builder = GlobSetBuilder::new();
        for pattern in patterns {
            // An invalid pattern matches nothing.
            if let Ok(glob) = Glob::new(pattern) {
                builder.add(glob);
            }
        }
        Self(Some(builder.build().unwrap_or_else(|_| GlobSet::empty())))
    }

    /// The container's image may run as root. With an allowlist configured, an image the file
    /// does not show (a placeholder) may be one of them, so it counts as allowed.
    pub(super) fn allows(&self, container: &Container<'_>) -> bool {
        let Some(set) = &self.0 else { return false };
        container.image().is_none_or(|image| set.is_match(image))
    }
}

impl Rule for ContainerRunsAsRoot {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let allowlist = RootImageAllowlist::new(cx);
        for container in task.containers() {
            if os_of(task, &container) != Os::Linux || allowlist.allows(&container) {
                continue;
            }
            let help = "set `user` to a non-root user or UID, e.g. \"1000:1000\"; if the image must run as \
                        root, add it to the `allowed-root-images` option";
            match user_of(&container) {
                User::Unset if container.has("user") => cx
                    .report(self, container.at("user"))
                    .message(format!(
                        "container {} has an empty `user`, so it runs as root unless its image sets a non-root USER",
                        container.display()
                    ))
                    .label("empty user")
                    .help(help)
                    .emit(),
                User::Unset => cx
                    .report(self, container.pointer())
                    .on_key()
                    .message(format!(
                        "container {} sets no `user`, so it runs as root unless its image sets a non-root USER",
                        container.display()
                    ))
                    .label("no `user`")
                    .help(help)
                    .emit(),
                User::Root(user) => cx
                    .report(self, container.at("user"))
                    .message(format!("container {} runs as root: `user` is \"{user}\"", container.display()))
                    .label("the root user")
                    .help(help)
                    .emit(),
                User::Other => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires, messages_with};

    const CODE: &str = "ECS-SEC-007";

    fn td(extra: &str, container: &str) -> String {
        format!(
            r#"{{"family": "web", {extra} "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256 {container}}}]}}"#
        )
    }

    #[test]
    fn fires_without_a_user() {
        let messages = assert_fires(CODE, 1, &td("", ""));
        assert_eq!(
            messages[0],
            "container `app` sets no `user`, so it runs as root unless its image sets a non-root USER"
        );
        assert_fires(CODE, 1, &td("", r#", "user": null"#));
        let messages = assert_fires(CODE, 1, &td("", r#", "user": "  ""#));
        assert!(messages[0].contains("empty `user`"));
    }

    #[test]
    fn fires_on_every_spelling_of_root() {
        for user in ["root", "0", "0:0", "root:root", "0:1000", "root:staff", "00"] {
            let messages = assert_fires(CODE, 1, &td("", &format!(r#", "user": "{user}""#)));
            assert!(messages[0].contains(&format!("`user` is \"{user}\"")), "{user}");
        }
    }

    #[test]
    fn accepts_non_root_users_and_placeholders() {
        for user in ["1000", "1000:1000", "nginx", "nobody:nogroup", "1000:0", "rootless", "${USER}"] {
            assert_clean(CODE, &td("", &format!(r#", "user": "{user}""#)));
        }
        assert_clean(CODE, &td("", r#", "user": 1000"#));
    }

    #[test]
    fn skips_windows_and_unknown_platforms() {
        let windows = r#""runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},"#;
        assert_clean(CODE, &td(windows, ""));
        assert_clean(CODE, &td(r#""runtimePlatform": {"operatingSystemFamily": "${OS}"},"#, ""));
        assert_clean(CODE, &td(r#""runtimePlatform": "${PLATFORM}","#, ""));
        assert_clean(
            CODE,
            r#"[{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022"}]"#,
        );
        assert_clean(CODE, r#"[{"name": "t", "image": "amazon-ecs-ftest-windows-base:make"}]"#);
        assert_clean(CODE, r#"[{"name": "t", "image": "example/tool", "entryPoint": ["powershell"]}]"#);
        assert_clean(CODE, r#"[{"name": "t", "image": "example/tool", "command": ["C:\\app\\run.exe"]}]"#);
        assert_fires(CODE, 1, r#"[{"name": "t", "image": "example/tool", "entryPoint": ["pwsh"]}]"#);
        // Linux, written or by default.
        assert_fires(CODE, 1, &td(r#""runtimePlatform": {"operatingSystemFamily": "LINUX"},"#, ""));
        assert_fires(CODE, 1, &td(r#""runtimePlatform": {"cpuArchitecture": "ARM64"},"#, ""));
    }

    #[test]
    fn checks_bare_container_arrays() {
        assert_fires(CODE, 2, r#"[{"name": "a", "image": "nginx"}, {"name": "b", "image": "redis", "user": "0"}]"#);
    }

    fn with_allowlist(json: &str, patterns: &[&str]) -> usize {
        let allowed = patterns.iter().map(ToString::to_string).collect();
        messages_with(CODE, json, |s| s.options.allowed_root_images = allowed).len()
    }

    #[test]
    fn allowed_root_images_are_exempt() {
        let json = r#"[{"name": "agent", "image": "public.ecr.aws/datadog/agent:7"},
                       {"name": "app", "image": "nginx:1.27"},
                       {"name": "tpl", "image": "${IMAGE}"}]"#;
        assert_eq!(with_allowlist(json, &[]), 3);
        assert_eq!(with_allowlist(json, &["*/datadog/agent:*"]), 1);
        assert_eq!(with_allowlist(json, &["*/datadog/agent:*", "nginx:*"]), 0);
        // An invalid pattern matches nothing; the opaque image still counts as allowed.
        assert_eq!(with_allowlist(json, &["[invalid"]), 2);
    }
}
