//! AWS validates a task definition against every compatibility it requires and rejects parameters
//! that Fargate or Managed Instances do not support (`data::launch_types`).

use crate::context::LintContext;
use crate::data::launch_types::{
    Condition, LOG_DRIVERS, LaunchType, Level, UNSUPPORTED, Unsupported, is_meaningful, windows_reports,
};
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct LaunchTypeUnsupportedParameter {
        code: "ECS-COR-023",
        name: "launch-type-unsupported-parameter",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a parameter the task's launch type (Fargate, External, Managed Instances) does not support",
    }
}

/// Pointer to the `requiresCompatibilities` entry that asks for `launch_type`.
fn compatibility_pointer(task: &TaskDefinition<'_>, launch_type: LaunchType) -> String {
    if launch_type == LaunchType::Fargate {
        return task.fargate_pointer();
    }
    task.get("requiresCompatibilities")
        .and_then(Value::as_array)
        .and_then(|items| items.iter().position(|v| v.as_str() == Some(launch_type.compatibility())))
        .map_or_else(|| "/requiresCompatibilities".to_string(), |i| format!("/requiresCompatibilities/{i}"))
}

/// `Fargate`, `Managed Instances`, or `Fargate and Managed Instances`, with the verb that agrees.
fn names(types: &[LaunchType]) -> (String, &'static str) {
    let list: Vec<&str> = types.iter().map(|t| t.display()).collect();
    (list.join(" and "), if list.len() > 1 { "do" } else { "does" })
}

/// One use of an unsupported parameter.
struct Use {
    pointer: String,
    /// What is set, for the message: "`privileged: true`", "capability `SYS_ADMIN`".
    what: String,
    /// The offending item of a list (a capability), for the help.
    item: Option<String>,
}

/// Uses of `entry` below `base` (a task, container or volume object) at `base_pointer`.
fn uses(entry: &Unsupported, base: &Value, base_pointer: &str) -> Vec<Use> {
    let mut value = Some(base);
    let mut pointer = base_pointer.to_string();
    for segment in entry.path {
        value = value.and_then(|v| v.get(segment));
        pointer = join(&pointer, segment);
    }
    let Some(value) = value else {
        return Vec::new();
    };
    let field = entry.path.join(".");
    match entry.condition {
        Condition::True if value.as_bool() == Some(true) => {
            vec![Use { pointer, what: format!("`{field}: true`"), item: None }]
        }
        Condition::True => Vec::new(),
        Condition::Set if is_meaningful(value) => {
            let what = match value {
                Value::String(s) => format!("`{field}: \"{s}\"`"),
                Value::Number(n) => format!("`{field}: {n}`"),
                _ => format!("`{field}`"),
            };
            vec![Use { pointer, what, item: None }]
        }
        Condition::Set => Vec::new(),
        Condition::StringOtherThan(allowed) => match known_str(Some(value)) {
            Some(s) if !s.trim().is_empty() && !allowed.contains(&s) => {
                vec![Use { pointer, what: format!("`{field}: \"{s}\"`"), item: None }]
            }
            _ => Vec::new(),
        },
        Condition::ItemsOtherThan(allowed) => {
            let items = value.as_array().map_or(&[][..], Vec::as_slice);
            items
                .iter()
                .enumerate()
                .filter_map(|(j, item)| {
                    let s = known_str(Some(item)).filter(|s| !s.trim().is_empty() && !allowed.contains(s))?;
                    Some(Use {
                        pointer: join(&pointer, j),
                        what: format!("capability `{s}` in `{field}`"),
                        item: Some(s.to_string()),
                    })
                })
                .collect()
        }
        Condition::ItemOfType(kind) => {
            let items = value.as_array().map_or(&[][..], Vec::as_slice);
            items
                .iter()
                .enumerate()
                .filter(|(_, item)| item.get("type").and_then(Value::as_str) == Some(kind))
                .map(|(j, _)| Use {
                    pointer: join(&join(&pointer, j), "type"),
                    what: format!("a `{kind}` in `{field}`"),
                    item: None,
                })
                .collect()
        }
    }
}

fn help(entry: &Unsupported, found: &Use, types: &[LaunchType]) -> String {
    let field = entry.path.join(".");
    let compat: Vec<&str> = types.iter().map(|t| t.compatibility()).collect();
    let (where_, _) = names(types);
    let or_drop = format!(
        "or remove {} from `requiresCompatibilities` if the task does not run on {where_}",
        compat.join(" and ")
    );
    match (field.as_str(), &found.item) {
        ("pidMode", _) => format!("set `pidMode` to \"task\" or remove it, {or_drop}"),
        ("linuxParameters.capabilities.add", Some(capability)) => {
            format!("remove `{capability}` from `capabilities.add` (Fargate allows adding only SYS_PTRACE), {or_drop}")
        }
        ("host.sourcePath", _) => format!(
            "remove `sourcePath` (a volume with an empty `host` is a task-scoped bind mount) or use an Amazon EFS \
             volume, {or_drop}"
        ),
        ("dockerVolumeConfiguration", _) => {
            format!("use a bind mount (a volume with only a `name`) or an Amazon EFS volume, {or_drop}")
        }
        ("resourceRequirements", _) => format!("remove the GPU requirement, {or_drop}"),
        _ => format!("remove `{field}`, {or_drop}"),
    }
}

/// True when the task uses a parameter or log driver that Fargate does not support: a sign that
/// it is meant for EC2 (used by fargate-compatibility-missing, ECS-COR-046).
pub(super) fn uses_fargate_unsupported(task: &TaskDefinition<'_>) -> bool {
    let containers = task.containers();
    let volumes = task.get("volumes").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    let fargate_drivers = LaunchType::Fargate.log_drivers();
    let parameter =
        UNSUPPORTED.iter().filter(|e| e.launch_types.contains(&LaunchType::Fargate)).any(|entry| match entry.level {
            Level::Task => !uses(entry, task.value(), "").is_empty(),
            Level::Container => containers.iter().any(|c| !uses(entry, c.value(), "").is_empty()),
            Level::Volume => volumes.iter().any(|v| !uses(entry, v, "").is_empty()),
        });
    parameter
        || containers
            .iter()
            .any(|c| c.log_driver().is_some_and(|d| LOG_DRIVERS.contains(&d) && !fargate_drivers.contains(&d)))
}

impl LaunchTypeUnsupportedParameter {
    fn report(
        &self,
        cx: &mut LintContext<'_>,
        task: &TaskDefinition<'_>,
        entry: &Unsupported,
        types: &[LaunchType],
        who: &str,
        found: Use,
    ) {
        let (where_, verb) = names(types);
        let reason = match entry.fargate_error {
            Some(text) if types.contains(&LaunchType::Fargate) => format!("AWS rejects it: {text}"),
            _ => "AWS rejects the task definition".to_string(),
        };
        let help = help(entry, &found, types);
        let mut builder = cx
            .report(self, found.pointer)
            .message(format!("{who} sets {}, which {where_} {verb} not support; {reason}", found.what))
            .label(format!("not supported on {where_}"));
        for launch_type in types {
            builder = builder
                .related(compatibility_pointer(task, *launch_type), format!("{} required here", launch_type.display()));
        }
        builder.help(help).emit();
    }
}

impl Rule for LaunchTypeUnsupportedParameter {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        // A bare container array has no requiresCompatibilities, so it never gets past this.
        let compatibilities = task.compatibilities();
        let required: Vec<LaunchType> =
            LaunchType::ALL.into_iter().filter(|t| compatibilities.contains(&t.compatibility())).collect();
        if required.is_empty() {
            return;
        }
        let windows = task.is_windows();
        // links-require-bridge (ECS-COR-026) reports links whenever the network mode is known.
        let links_reported_elsewhere = task.effective_network_mode().is_some_and(|mode| mode != "bridge");
        let containers = task.containers();
        let volumes = task.get("volumes").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);

        for entry in UNSUPPORTED {
            let types: Vec<LaunchType> = required.iter().copied().filter(|t| entry.launch_types.contains(t)).collect();
            let Some(top) = entry.path.first() else {
                continue;
            };
            if types.is_empty()
                || (windows && windows_reports(entry.level, top))
                || (*top == "links" && links_reported_elsewhere)
            {
                continue;
            }
            match entry.level {
                Level::Task => {
                    for found in uses(entry, task.value(), "") {
                        self.report(cx, task, entry, &types, "the task definition", found);
                    }
                }
                Level::Container => {
                    for container in &containers {
                        let who = format!("container {}", container.display());
                        for found in uses(entry, container.value(), &container.pointer()) {
                            self.report(cx, task, entry, &types, &who, found);
                        }
                    }
                }
                Level::Volume => {
                    for (i, volume) in volumes.iter().enumerate() {
                        let who = match known_str(volume.get("name")).filter(|n| !n.trim().is_empty()) {
                            Some(name) => format!("volume `{name}`"),
                            None => format!("volume #{i}"),
                        };
                        for found in uses(entry, volume, &join("/volumes", i)) {
                            self.report(cx, task, entry, &types, &who, found);
                        }
                    }
                }
            }
        }

        // Fargate log drivers are fargate-unsupported-logging (ECS-COR-024); Managed Instances here.
        if required.contains(&LaunchType::ManagedInstances) {
            let supported = LaunchType::ManagedInstances.log_drivers();
            for container in &containers {
                let Some(driver) = container.log_driver() else {
                    continue;
                };
                // A driver the API does not know at all is a schema finding.
                if !LOG_DRIVERS.contains(&driver) || supported.contains(&driver) {
                    continue;
                }
                cx.report(self, join(&container.at("logConfiguration"), "logDriver"))
                    .message(format!(
                        "container {} uses the `{driver}` log driver, which Managed Instances does not support; \
                         it supports {}",
                        container.display(),
                        supported.join(", ")
                    ))
                    .label("not supported on Managed Instances")
                    .related(
                        compatibility_pointer(task, LaunchType::ManagedInstances),
                        "Managed Instances required here",
                    )
                    .help("use awslogs, or awsfirelens with a FireLens log router to reach other destinations")
                    .emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires, findings};

    const CODE: &str = "ECS-COR-023";

    fn td(compat: &str, task: &str, container: &str) -> String {
        format!(
            r#"{{"family": "web", "requiresCompatibilities": {compat}, "networkMode": "awsvpc",
               "cpu": "256", "memory": "512", {task}
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27" {container}}}]}}"#
        )
    }

    #[test]
    fn fires_on_fargate_unsupported_container_parameters() {
        let messages = assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, "", r#", "privileged": true"#));
        assert_eq!(
            messages[0],
            "container `app` sets `privileged: true`, which Fargate does not support; AWS rejects the task definition"
        );
        assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, "", r#", "dnsServers": ["10.0.0.2"]"#));
        assert_fires(
            CODE,
            1,
            &td(r#"["FARGATE"]"#, "", r#", "linuxParameters": {"devices": [{"hostPath": "/dev/fuse"}]}"#),
        );
        assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, "", r#", "linuxParameters": {"sharedMemorySize": 256}"#));
        assert_fires(
            CODE,
            1,
            &td(r#"["FARGATE"]"#, "", r#", "resourceRequirements": [{"type": "GPU", "value": "1"}]"#),
        );
        let messages = assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, "", r#", "hostname": "web""#));
        assert!(messages[0].contains("hostname is not supported on container when networkMode=awsvpc."));
    }

    #[test]
    fn capabilities_other_than_sys_ptrace() {
        let caps = r#", "linuxParameters": {"capabilities": {"add": ["SYS_PTRACE", "SYS_ADMIN", "NET_ADMIN"]}}"#;
        let messages = assert_fires(CODE, 2, &td(r#"["FARGATE"]"#, "", caps));
        assert!(messages[0].contains("capability `SYS_ADMIN`"));
        let found = findings(CODE, &td(r#"["FARGATE"]"#, "", caps));
        assert_eq!(found[0].help.as_deref().map(|h| h.contains("only SYS_PTRACE")), Some(true));
        assert_clean(
            CODE,
            &td(
                r#"["FARGATE"]"#,
                "",
                r#", "linuxParameters": {"capabilities": {"add": ["SYS_PTRACE"], "drop": ["ALL"]}}"#,
            ),
        );
    }

    #[test]
    fn task_and_volume_parameters_with_aws_text() {
        let messages = assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, r#""ipcMode": "host","#, ""));
        assert!(messages[0].contains("Tasks using the Fargate launch type do not support ipcMode."));
        assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, r#""pidMode": "host","#, ""));
        assert_clean(CODE, &td(r#"["FARGATE"]"#, r#""pidMode": "task","#, ""));
        let volume = r#""volumes": [{"name": "data", "host": {"sourcePath": "/var/data"}}],"#;
        let messages = assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, volume, ""));
        assert!(messages[0].starts_with("volume `data` sets `host.sourcePath: \"/var/data\"`"));
        assert!(messages[0].contains("Fargate compatible task definitions do not support sourcePath"));
        assert_fires(
            CODE,
            1,
            &td(
                r#"["FARGATE"]"#,
                r#""placementConstraints": [{"type": "memberOf", "expression": "attribute:x == y"}],"#,
                "",
            ),
        );
    }

    #[test]
    fn meaningless_values_and_defaults_are_fine() {
        let quiet = r#", "privileged": false, "links": [], "dnsServers": [""], "disableNetworking": false,
                       "linuxParameters": {"initProcessEnabled": true, "capabilities": {"drop": ["ALL"]}}"#;
        let task = r#""ipcMode": "", "pidMode": "", "placementConstraints": [],
                      "volumes": [{"name": "scratch", "host": {}}, {"name": "s2"}],"#;
        assert_clean(CODE, &td(r#"["FARGATE"]"#, task, quiet));
    }

    #[test]
    fn placeholders_stay_silent() {
        assert_clean(CODE, &td(r#"["FARGATE"]"#, r#""ipcMode": "${IPC_MODE}","#, r#", "hostname": "{{ host }}""#));
        assert_clean(CODE, &td(r#"["${COMPAT}"]"#, "", r#", "privileged": true"#));
    }

    #[test]
    fn ec2_and_bare_arrays_are_not_checked() {
        assert_clean(CODE, &td(r#"["EC2"]"#, r#""ipcMode": "host","#, r#", "privileged": true"#));
        assert_clean(CODE, &td(r#"["EXTERNAL"]"#, "", r#", "privileged": true"#));
        assert_clean(CODE, r#"[{"name": "app", "image": "nginx", "privileged": true}]"#);
    }

    #[test]
    fn managed_instances_has_its_own_list() {
        let mi = r#"["MANAGED_INSTANCES"]"#;
        let messages = assert_fires(CODE, 1, &td(mi, "", r#", "dnsServers": ["10.0.0.2"]"#));
        assert!(messages[0].contains("which Managed Instances does not support"));
        // Privileged containers and GPUs are fine on Managed Instances.
        assert_clean(
            CODE,
            &td(mi, "", r#", "privileged": true, "resourceRequirements": [{"type": "GPU", "value": "1"}]"#),
        );
        let messages = assert_fires(CODE, 1, &td(mi, "", r#", "logConfiguration": {"logDriver": "gelf"}"#));
        assert!(messages[0].contains("`gelf` log driver"));
        assert_clean(CODE, &td(mi, "", r#", "logConfiguration": {"logDriver": "json-file"}"#));
        let both = assert_fires(
            CODE,
            1,
            &td(
                r#"["FARGATE", "MANAGED_INSTANCES"]"#,
                "",
                r#", "extraHosts": [{"hostname": "db", "ipAddress": "10.0.0.5"}]"#,
            ),
        );
        assert!(both[0].contains("which Fargate and Managed Instances do not support"));
    }

    #[test]
    fn leaves_links_and_windows_parameters_to_their_rules() {
        // awsvpc: links-require-bridge reports links.
        assert_clean(CODE, &td(r#"["FARGATE"]"#, "", r#", "links": ["db"]"#));
        let windows = r#""runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},"#;
        assert_clean(CODE, &td(r#"["FARGATE"]"#, windows, r#", "privileged": true"#));
        // Not in the Windows list, so reported here.
        assert_fires(CODE, 1, &td(r#"["FARGATE"]"#, windows, r#", "hostname": "web""#));
    }

    #[test]
    fn odd_shapes_do_not_panic() {
        for extra in [
            r#", "linuxParameters": "x""#,
            r#", "linuxParameters": {"capabilities": {"add": "SYS_ADMIN"}}"#,
            r#", "resourceRequirements": {"type": "GPU"}"#,
            r#", "privileged": "true""#,
        ] {
            assert_clean(CODE, &td(r#"["FARGATE"]"#, r#""volumes": {"name": 1}, "ipcMode": null,"#, extra));
        }
    }
}
