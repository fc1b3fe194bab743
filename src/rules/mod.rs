//! The rule registry: every rule, sorted by code. Adding a rule means adding it here.

pub mod availability;
pub mod correctness;
pub mod cost;
pub mod schema;
pub mod security;
#[cfg(test)]
pub(crate) mod tester;

use crate::rule::Rule;

/// Every rule, sorted by code (a meta-test keeps it sorted and complete).
pub static ALL: &[&dyn Rule] = &[
    &schema::InvalidJson,
    &schema::DuplicateKey,
    &schema::DescribeTaskDefinitionOutput,
    &schema::UnknownField,
    &schema::InvalidType,
    &schema::InvalidEnumValue,
    &schema::MissingRequiredField,
    &schema::ValueOutOfRange,
    &schema::PatternMismatch,
    &schema::ByteOrderMark,
    &schema::NotAnEcsDocument,
    &schema::UnreadablePath,
    &schema::DescribeServicesOutput,
    &schema::UnusedSuppression,
    &schema::InvalidSuppression,
    &correctness::InvalidFargateCpuMemory,
    &correctness::FargateRequiresAwsvpc,
    &correctness::FargateMissingTaskSize,
    &correctness::HostPortMismatch,
    &correctness::PortMappingsWithNetworkNone,
    &correctness::NoEssentialContainer,
    &correctness::MemoryBelowReservation,
    &correctness::ContainerMemoryExceedsTask,
    &correctness::ContainerCpuExceedsTask,
    &correctness::ContainerMemoryMissing,
    &correctness::TooManyContainers,
    &correctness::DuplicateContainerName,
    &correctness::InvalidContainerName,
    &correctness::MissingContainerImage,
    &correctness::DependsOnUnknownContainer,
    &correctness::DependsOnCycle,
    &correctness::DependsOnEssentialCompletion,
    &correctness::DependsOnHealthyWithoutHealthCheck,
    &correctness::UnknownMountVolume,
    &correctness::AwslogsMissingOptions,
    &correctness::FirelensConfigurationMismatch,
    &correctness::MissingExecutionRole,
    &correctness::LaunchTypeUnsupportedParameter,
    &correctness::FargateUnsupportedLogging,
    &correctness::WindowsUnsupportedParameter,
    &correctness::LinksRequireBridge,
    &correctness::LinksCycle,
    &correctness::InvalidHealthCheck,
    &correctness::InvalidContainerTimeout,
    &correctness::InvalidEphemeralStorage,
    &correctness::InvalidPortMappingName,
    &correctness::InvalidContainerPortRange,
    &correctness::DuplicateContainerPort,
    &correctness::InvalidImageReference,
    &correctness::EnvironmentVariableWithoutName,
    &correctness::InvalidEnvironmentFiles,
    &correctness::InvalidSecretReference,
    &correctness::SecretAccountOrRegionMismatch,
    &correctness::InvalidRoleArn,
    &correctness::EfsIamRequiresTransitEncryption,
    &correctness::EfsAccessPointRootDirectory,
    &correctness::InvalidTags,
    &correctness::TaskDefinitionTooLarge,
    &correctness::InvalidRuntimePlatform,
    &correctness::InvalidFamilyName,
    &correctness::FargateCompatibilityMissing,
    &correctness::InvalidHostVolumePath,
    &correctness::ServiceNetworkConfigurationMismatch,
    &correctness::LoadBalancerContainerMismatch,
    &correctness::ClassicLoadBalancerDynamicPort,
    &correctness::FargateServiceIncompatibleTaskDefinition,
    &correctness::ServiceConnectPortNameUnknown,
    &correctness::ServiceRegistryMismatch,
    &correctness::ServiceRoleWithAwsvpc,
    &correctness::InvalidDaemonService,
    &correctness::LaunchTypeWithCapacityProviderStrategy,
    &correctness::HealthCheckGracePeriodWithoutLoadBalancer,
    &correctness::InvalidDeploymentPercentages,
    &correctness::InvalidPlatformVersion,
    &correctness::ServiceLimitsExceeded,
    &correctness::InvalidCodeDeployService,
    &correctness::ExecutionRoleCannotReadSecret,
    &correctness::TargetTypeNetworkModeMismatch,
    &correctness::HealthCheckPortWithDynamicHostPort,
    &security::PrivilegedContainer,
    &security::HostPidNamespace,
    &security::HostIpcNamespace,
    &security::HostNetworkMode,
    &security::HostNetworkRootUser,
    &security::WritableRootFilesystem,
    &security::ContainerRunsAsRoot,
    &security::WindowsContainerAdminUser,
    &security::SecretInEnvironmentName,
    &security::SecretInEnvironmentValue,
    &security::SecretInLogOptions,
    &security::MissingLogConfiguration,
    &security::EfsTransitEncryptionDisabled,
    &security::TaskRoleSameAsExecutionRole,
    &security::AwsKeysWithoutTaskRole,
    &security::DangerousCapabilityAdded,
    &security::CapabilitiesNotDropped,
    &security::UnconfinedSecurityOption,
    &security::ImageTagLatest,
    &security::ImageNotPinnedByDigest,
    &security::UntrustedImageRegistry,
    &security::InitProcessNotEnabled,
    &security::MissingRequiredTags,
    &security::ServicePublicIp,
    &security::OutdatedFargatePlatformVersion,
    &security::ExecuteCommandEnabled,
    &security::TagsNotPropagated,
    &security::IamWildcardAction,
    &security::IamWriteOnAnyResource,
    &security::IamPassroleAnyResource,
    &security::IamAdminManagedPolicy,
    &security::ExecutionRoleOverGranted,
    &security::RoleTrustNotEcsTasks,
    &security::RoleTrustWithoutSourceConditions,
    &security::ContainerInsightsDisabled,
    &security::ExecuteCommandLoggingDisabled,
    &security::ExecuteCommandNotEncrypted,
    &cost::FargateOverProvisioned,
    &cost::Arm64WouldBeCheaper,
    &cost::PaidEphemeralStorage,
    &cost::ContainerWithoutMemoryLimit,
    &cost::FargateSpotForNonProduction,
    &availability::EssentialContainerWithoutHealthCheck,
    &availability::OneShotContainerEssential,
    &availability::InvalidRestartPolicy,
    &availability::HealthCheckCannotPass,
    &availability::AwslogsBlockingMode,
    &availability::LowDesiredCount,
    &availability::ZeroDesiredCount,
    &availability::SingleSubnet,
    &availability::NoAvailabilityZoneSpread,
    &availability::PlacementPinsOneAvailabilityZone,
    &availability::NoDeploymentCircuitBreaker,
    &availability::AvailabilityZoneRebalancingDisabled,
    &availability::AllSpotCapacity,
    &availability::LoadBalancedContainerWithoutHealthCheck,
    &availability::NoDeploymentAlarms,
];

/// Off unless selected (`--rule ECS-SEC-017=info`, or a selector in `[rules]`; `all = "info"`
/// turns them on too): pedantic hardening suggestions that fire on most task definitions, and
/// ECS-COR-046, whose premise AWS may make moot (registration may add FARGATE compatibility on its
/// own to a task definition that passes Fargate validation; see its page).
pub const OFF_BY_DEFAULT: [&str; 4] = ["ECS-COR-046", "ECS-SEC-017", "ECS-SEC-020", "ECS-SEC-022"];

pub fn enabled_by_default(code: &str) -> bool {
    !OFF_BY_DEFAULT.contains(&code)
}

/// Looks a rule up by code or name (case-insensitive).
pub fn find(code_or_name: &str) -> Option<&'static dyn Rule> {
    ALL.iter()
        .copied()
        .find(|r| r.meta().code.eq_ignore_ascii_case(code_or_name) || r.meta().name.eq_ignore_ascii_case(code_or_name))
}

/// The generated `rules/README.md`: every rule with its code, name, category, severity, summary.
pub fn index_markdown() -> String {
    let mut out = String::from(
        "# Rules\n\nGenerated from the rule registry (`src/rules/mod.rs`); do not edit. \
         `ecslint rule <CODE|NAME>` prints a page.\n\n| Code | Name | Category | Severity | Summary |\n| --- | --- | --- | --- | --- |\n",
    );
    for rule in ALL {
        let m = rule.meta();
        out.push_str(&format!(
            "| [{code}]({code}.md) | `{}` | {} | {} | {} |\n",
            m.name,
            m.category.as_str(),
            if enabled_by_default(m.code) {
                m.severity.to_string()
            } else {
                format!("{} (off by default)", m.severity)
            },
            m.summary,
            code = m.code
        ));
    }
    out
}
