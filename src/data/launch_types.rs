//! Parameters that a launch type (compatibility) or the Windows operating system does not support.
//!
//! Sources, checked 2026-11-23:
//! - Fargate: "Amazon ECS task definition differences for Fargate", <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html>
//!   (not valid: disableNetworking, dnsSearchDomains, dnsServers, dockerSecurityOptions, extraHosts,
//!   gpu, ipcMode, links, placementConstraints, privileged, maxSwap, swappiness; `linuxParameters`:
//!   only `SYS_PTRACE` may be added, no devices, sharedMemorySize or tmpfs; no
//!   dockerVolumeConfiguration), and the API reference,
//!   <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html>,
//!   <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html>,
//!   <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HostVolumeProperties.html>
//!   (`pidMode`: "On Fargate for Linux containers, the only valid value is task"; `hostname` "is not
//!   supported if you're using the awsvpc network mode"; `sourcePath` "is not supported" on Fargate).
//!   FSx for Windows File Server volumes run on EC2 only:
//!   <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_data_volumes.html>.
//! - Managed Instances: "Amazon ECS task definition differences for Amazon ECS Managed Instances",
//!   <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-instances-tasks-services.html>.
//!   That page also lists `dockerLabels` and `ephemeralStorage`; `dockerLabels` contradicts the
//!   ContainerDefinition reference and is not encoded, `ephemeralStorage` belongs to
//!   invalid-ephemeral-storage (ECS-COR-030).
//! - Log drivers: API `LogConfiguration`,
//!   <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html>.
//! - Windows: "Amazon EC2 Windows task definition considerations",
//!   <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/windows_task_definitions.html>,
//!   the ContainerDefinition reference ("This parameter is not supported for Windows containers")
//!   and the storage table (Amazon EFS: Linux only) in `using_data_volumes.html`.
//!
//! EXTERNAL (ECS Anywhere) has no documented list of parameters that registration rejects, so it
//! has no entries. AWS changes these lists: update the table, never guess.

use crate::model::known::is_placeholder;
use serde_json::Value;

/// A compatibility (`requiresCompatibilities` entry) with documented unsupported parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaunchType {
    Fargate,
    ManagedInstances,
}

impl LaunchType {
    pub const ALL: [LaunchType; 2] = [LaunchType::Fargate, LaunchType::ManagedInstances];

    /// The `requiresCompatibilities` value.
    pub fn compatibility(self) -> &'static str {
        match self {
            LaunchType::Fargate => "FARGATE",
            LaunchType::ManagedInstances => "MANAGED_INSTANCES",
        }
    }

    /// How messages name it.
    pub fn display(self) -> &'static str {
        match self {
            LaunchType::Fargate => "Fargate",
            LaunchType::ManagedInstances => "Managed Instances",
        }
    }

    /// The log drivers it supports.
    pub fn log_drivers(self) -> &'static [&'static str] {
        match self {
            LaunchType::Fargate => FARGATE_LOG_DRIVERS,
            LaunchType::ManagedInstances => MANAGED_INSTANCES_LOG_DRIVERS,
        }
    }
}

/// Where a parameter lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// A top-level field of the task definition.
    Task,
    /// A field of each container definition.
    Container,
    /// A field of each `volumes[]` entry.
    Volume,
}

/// When a written value counts as using the parameter. Placeholders never count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// Any meaningful value: `true`, a non-zero number, a non-blank string, or an array or object
    /// holding one (`false`, `0`, `""`, `[]`, `{}` and `[""]` leave the parameter unused).
    Set,
    /// `true`.
    True,
    /// A non-blank string other than these.
    StringOtherThan(&'static [&'static str]),
    /// Array items (strings) other than these; each item is its own finding.
    ItemsOtherThan(&'static [&'static str]),
    /// Array items (objects) whose `type` is this value; each item is its own finding.
    ItemOfType(&'static str),
}

#[derive(Debug)]
pub struct Unsupported {
    pub level: Level,
    /// Field path below the level, e.g. `["linuxParameters", "devices"]`.
    pub path: &'static [&'static str],
    pub condition: Condition,
    pub launch_types: &'static [LaunchType],
    /// The error text AWS returns for a Fargate task definition, where one is known (verbatim).
    pub fargate_error: Option<&'static str>,
}

const F: &[LaunchType] = &[LaunchType::Fargate];
const MI: &[LaunchType] = &[LaunchType::ManagedInstances];
const BOTH: &[LaunchType] = &[LaunchType::Fargate, LaunchType::ManagedInstances];

pub static UNSUPPORTED: &[Unsupported] = &[
    // Task level.
    Unsupported {
        level: Level::Task,
        path: &["ipcMode"],
        condition: Condition::Set,
        launch_types: BOTH,
        fargate_error: Some("Tasks using the Fargate launch type do not support ipcMode."),
    },
    Unsupported {
        level: Level::Task,
        path: &["pidMode"],
        condition: Condition::StringOtherThan(&["task"]),
        launch_types: F,
        fargate_error: None,
    },
    Unsupported {
        level: Level::Task,
        path: &["placementConstraints"],
        condition: Condition::Set,
        launch_types: F,
        fargate_error: None,
    },
    Unsupported {
        level: Level::Task,
        path: &["inferenceAccelerators"],
        condition: Condition::Set,
        launch_types: MI,
        fargate_error: None,
    },
    Unsupported {
        level: Level::Task,
        path: &["proxyConfiguration"],
        condition: Condition::Set,
        launch_types: MI,
        fargate_error: None,
    },
    // Volumes.
    Unsupported {
        level: Level::Volume,
        path: &["host", "sourcePath"],
        condition: Condition::Set,
        launch_types: BOTH,
        fargate_error: Some("Fargate compatible task definitions do not support sourcePath"),
    },
    Unsupported {
        level: Level::Volume,
        path: &["dockerVolumeConfiguration"],
        condition: Condition::Set,
        launch_types: BOTH,
        fargate_error: None,
    },
    Unsupported {
        level: Level::Volume,
        path: &["fsxWindowsFileServerVolumeConfiguration"],
        condition: Condition::Set,
        launch_types: BOTH,
        fargate_error: None,
    },
    // Containers.
    Unsupported {
        level: Level::Container,
        path: &["privileged"],
        condition: Condition::True,
        launch_types: F,
        fargate_error: None,
    },
    Unsupported {
        level: Level::Container,
        path: &["links"],
        condition: Condition::Set,
        launch_types: BOTH,
        fargate_error: None,
    },
    Unsupported {
        level: Level::Container,
        path: &["hostname"],
        condition: Condition::Set,
        launch_types: BOTH,
        fargate_error: Some("hostname is not supported on container when networkMode=awsvpc."),
    },
    Unsupported {
        level: Level::Container,
        path: &["disableNetworking"],
        condition: Condition::True,
        launch_types: BOTH,
        fargate_error: None,
    },
    Unsupported {
        level: Level::Container,
        path: &["dnsServers"],
        condition: Condition::Set,
        launch_types: BOTH,
        fargate_error: None,
    },
    Unsupported {
        level: Level::Container,
        path: &["dnsSearchDomains"],
        condition: Condition::Set,
        launch_types: BOTH,
        fargate_error: None,
    },
    Unsupported {
        level: Level::Container,
        path: &["extraHosts"],
        condition: Condition::Set,
        launch_types: BOTH,
        fargate_error: None,
    },
    Unsupported {
        level: Level::Container,
        path: &["dockerSecurityOptions"],
        condition: Condition::Set,
        launch_types: BOTH,
        fargate_error: None,
    },
    Unsupported {
        level: Level::Container,
        path: &["resourceRequirements"],
        condition: Condition::ItemOfType("GPU"),
        launch_types: F,
        fargate_error: None,
    },
    Unsupported {
        level: Level::Container,
        path: &["linuxParameters", "capabilities", "add"],
        condition: Condition::ItemsOtherThan(&["SYS_PTRACE", "CAP_SYS_PTRACE"]),
        launch_types: F,
        fargate_error: None,
    },
    Unsupported {
        level: Level::Container,
        path: &["linuxParameters", "devices"],
        condition: Condition::Set,
        launch_types: F,
        fargate_error: None,
    },
    Unsupported {
        level: Level::Container,
        path: &["linuxParameters", "sharedMemorySize"],
        condition: Condition::Set,
        launch_types: BOTH,
        fargate_error: None,
    },
    Unsupported {
        level: Level::Container,
        path: &["linuxParameters", "tmpfs"],
        condition: Condition::Set,
        launch_types: BOTH,
        fargate_error: None,
    },
    Unsupported {
        level: Level::Container,
        path: &["linuxParameters", "maxSwap"],
        condition: Condition::Set,
        launch_types: BOTH,
        fargate_error: None,
    },
    Unsupported {
        level: Level::Container,
        path: &["linuxParameters", "swappiness"],
        condition: Condition::Set,
        launch_types: BOTH,
        fargate_error: None,
    },
];

/// Log drivers for tasks on Fargate (API `LogConfiguration`).
pub const FARGATE_LOG_DRIVERS: &[&str] = &["awslogs", "splunk", "awsfirelens"];

/// Log drivers for tasks on Managed Instances (API `LogConfiguration`).
pub const MANAGED_INSTANCES_LOG_DRIVERS: &[&str] = &["awslogs", "splunk", "awsfirelens", "json-file"];

/// Every log driver the API accepts (the `LogDriver` enum); others are schema findings.
pub const LOG_DRIVERS: &[&str] =
    &["json-file", "syslog", "journald", "gelf", "fluentd", "awslogs", "splunk", "awsfirelens"];

/// A parameter Windows containers do not support.
#[derive(Debug)]
pub struct WindowsUnsupported {
    pub level: Level,
    pub field: &'static str,
    pub condition: Condition,
}

/// Windows containers (any `WINDOWS_SERVER_*` operating system family). `user` is left out on
/// purpose: the API says it is unsupported, yet Security Hub ECS.21 asks Windows containers to set
/// a non-administrator user; windows-container-admin-user (ECS-SEC-008) owns that tension.
/// `dockerVolumeConfiguration` is left out too: the Volume reference says Windows supports the
/// `local` driver.
pub static WINDOWS_UNSUPPORTED: &[WindowsUnsupported] = &[
    WindowsUnsupported { level: Level::Task, field: "pidMode", condition: Condition::Set },
    WindowsUnsupported { level: Level::Task, field: "ipcMode", condition: Condition::Set },
    WindowsUnsupported { level: Level::Task, field: "proxyConfiguration", condition: Condition::Set },
    WindowsUnsupported { level: Level::Volume, field: "efsVolumeConfiguration", condition: Condition::Set },
    WindowsUnsupported { level: Level::Container, field: "privileged", condition: Condition::True },
    WindowsUnsupported { level: Level::Container, field: "readonlyRootFilesystem", condition: Condition::True },
    WindowsUnsupported { level: Level::Container, field: "linuxParameters", condition: Condition::Set },
    WindowsUnsupported { level: Level::Container, field: "links", condition: Condition::Set },
    WindowsUnsupported { level: Level::Container, field: "ulimits", condition: Condition::Set },
    WindowsUnsupported { level: Level::Container, field: "systemControls", condition: Condition::Set },
    WindowsUnsupported { level: Level::Container, field: "disableNetworking", condition: Condition::True },
    WindowsUnsupported { level: Level::Container, field: "dnsServers", condition: Condition::Set },
    WindowsUnsupported { level: Level::Container, field: "dnsSearchDomains", condition: Condition::Set },
    WindowsUnsupported { level: Level::Container, field: "extraHosts", condition: Condition::Set },
];

/// True when Windows-unsupported-parameter (ECS-COR-025) reports this top-level field for a
/// Windows task, so launch-type rules can leave it to that rule.
pub fn windows_reports(level: Level, field: &str) -> bool {
    WINDOWS_UNSUPPORTED.iter().any(|w| w.level == level && w.field == field)
}

/// A value that uses its parameter: `true`, a non-zero number, a non-blank known string, or an
/// array or object holding one. Placeholders, `null`, `false`, `0`, blanks and empties do not.
pub fn is_meaningful(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.trim().is_empty() && !is_placeholder(s),
        Value::Array(items) => items.iter().any(is_meaningful),
        Value::Object(members) => members.values().any(is_meaningful),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn meaningful_values() {
        for v in [json!(true), json!(1), json!("host"), json!(["a"]), json!({"a": [1]})] {
            assert!(is_meaningful(&v), "{v}");
        }
        for v in [json!(null), json!(false), json!(0), json!(""), json!([]), json!({}), json!([""]), json!("${X}")] {
            assert!(!is_meaningful(&v), "{v}");
        }
    }

    #[test]
    fn every_entry_names_a_launch_type() {
        assert!(UNSUPPORTED.iter().all(|u| !u.launch_types.is_empty() && !u.path.is_empty()));
        assert!(windows_reports(Level::Container, "privileged"));
        assert!(!windows_reports(Level::Container, "user"));
    }
}
