//! The rule registry: every rule, sorted by code. Adding a rule means adding it here.

pub mod correctness;
pub mod schema;
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
    &correctness::ServiceNetworkConfigurationMismatch,
];

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
            m.severity,
            m.summary,
            code = m.code
        ));
    }
    out
}
