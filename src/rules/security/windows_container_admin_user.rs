//! A Windows container that explicitly runs as an administrator account (Security Hub ECS.21).

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct WindowsContainerAdminUser {
        code: "ECS-SEC-008",
        name: "windows-container-admin-user",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "a Windows container runs as an administrator",
    }
}

/// Built-in Windows accounts with administrator rights inside a container.
const ADMIN_ACCOUNTS: [&str; 3] = ["containeradministrator", "administrator", "system"];

/// `ContainerAdministrator`, `.\Administrator`, `NT AUTHORITY\SYSTEM`, … (case-insensitive).
fn is_admin(user: &str) -> bool {
    let account = user.trim().rsplit('\\').next().unwrap_or_default().to_ascii_lowercase();
    ADMIN_ACCOUNTS.contains(&account.as_str())
}

impl Rule for WindowsContainerAdminUser {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        if !task.is_windows() {
            return;
        }
        for container in task.containers() {
            let Some(user) = container.str("user").filter(|u| is_admin(u)) else {
                continue;
            };
            cx.report(self, container.at("user"))
                .message(format!(
                    "Windows container {} runs as the administrator account \"{user}\"",
                    container.display()
                ))
                .label("an administrator account")
                .help(
                    "run as a non-administrator account such as \"ContainerUser\": build the image with \
                     `USER ContainerUser` and remove `user`, or set `user` to \"ContainerUser\"",
                )
                .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-SEC-008";

    fn td(os: &str, user: &str) -> String {
        format!(
            r#"{{"family": "iis", "runtimePlatform": {{"operatingSystemFamily": "{os}"}},
               "containerDefinitions": [{{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "memory": 1024, "user": {user}}}]}}"#
        )
    }

    #[test]
    fn fires_on_explicit_administrator_accounts() {
        let messages = assert_fires(CODE, 1, &td("WINDOWS_SERVER_2022_CORE", r#""ContainerAdministrator""#));
        assert_eq!(messages[0], "Windows container `iis` runs as the administrator account \"ContainerAdministrator\"");
        for user in ["containeradministrator", "Administrator", r".\\Administrator", r"NT AUTHORITY\\SYSTEM"] {
            assert_fires(CODE, 1, &td("WINDOWS_SERVER_2019_FULL", &format!(r#""{user}""#)));
        }
    }

    #[test]
    fn never_demands_a_user() {
        // `user` is documented as unsupported on Windows: an absent user is not reported.
        assert_clean(CODE, &td("WINDOWS_SERVER_2022_CORE", "null"));
        assert_clean(CODE, &td("WINDOWS_SERVER_2022_CORE", r#""ContainerUser""#));
        assert_clean(CODE, &td("WINDOWS_SERVER_2022_CORE", r#""${WINDOWS_USER}""#));
        assert_clean(CODE, &td("WINDOWS_SERVER_2022_CORE", r#""AdministratorHelper""#));
    }

    #[test]
    fn ignores_linux_and_unknown_platforms() {
        assert_clean(CODE, &td("LINUX", r#""Administrator""#));
        assert_clean(CODE, &td("${OS}", r#""Administrator""#));
        assert_clean(
            CODE,
            r#"[{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "user": "ContainerAdministrator"}]"#,
        );
    }
}
