//! Fargate on-demand prices, for the cost rules' monthly estimates.
//!
//! Source: AWS Fargate pricing, <https://aws.amazon.com/fargate/pricing/> (Linux/x86,
//! Linux/ARM, Windows/x86; per vCPU-hour and GB-hour; ephemeral storage above the free 20 GiB).
//! Checked: 2026-11-23. Only Regions whose prices were verified are listed; for any other Region
//! the cost rules report no money figure rather than a guessed one.

/// Hours in the average month AWS uses for monthly estimates.
pub const HOURS_PER_MONTH: f64 = 730.0;

/// Ephemeral storage included in every Fargate task.
pub const FREE_EPHEMERAL_GIB: u64 = 20;

pub const SOURCE: &str = "https://aws.amazon.com/fargate/pricing/";

/// Prices in USD for one Region.
#[derive(Debug, Clone, Copy)]
pub struct RegionPrices {
    pub region: &'static str,
    pub linux_x86: Rates,
    pub linux_arm: Rates,
    /// Windows: compute plus the OS license fee per vCPU-hour.
    pub windows: Rates,
    pub windows_license_vcpu_hour: f64,
    pub ephemeral_gb_hour: f64,
}

#[derive(Debug, Clone, Copy)]
pub struct Rates {
    pub vcpu_hour: f64,
    pub gb_hour: f64,
}

const US: (Rates, Rates, Rates, f64, f64) = (
    Rates { vcpu_hour: 0.04048, gb_hour: 0.004445 },
    Rates { vcpu_hour: 0.03238, gb_hour: 0.00356 },
    Rates { vcpu_hour: 0.09148, gb_hour: 0.01005 },
    0.046,
    0.000111,
);

pub static PRICES: &[RegionPrices] = &[
    RegionPrices {
        region: "us-east-1",
        linux_x86: US.0,
        linux_arm: US.1,
        windows: US.2,
        windows_license_vcpu_hour: US.3,
        ephemeral_gb_hour: US.4,
    },
    RegionPrices {
        region: "us-east-2",
        linux_x86: US.0,
        linux_arm: US.1,
        windows: US.2,
        windows_license_vcpu_hour: US.3,
        ephemeral_gb_hour: US.4,
    },
    RegionPrices {
        region: "us-west-2",
        linux_x86: US.0,
        linux_arm: US.1,
        windows: US.2,
        windows_license_vcpu_hour: US.3,
        ephemeral_gb_hour: US.4,
    },
];

/// What a task runs on, for pricing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    LinuxX86,
    LinuxArm,
    Windows,
}

pub fn prices(region: &str) -> Option<&'static RegionPrices> {
    PRICES.iter().find(|p| p.region == region)
}

/// Monthly on-demand cost in USD of one task running all month.
pub fn monthly_task_cost(
    prices: &RegionPrices,
    platform: Platform,
    cpu_units: u64,
    memory_mib: u64,
    ephemeral_gib: u64,
) -> f64 {
    let vcpu = cpu_units as f64 / 1024.0;
    let gib = memory_mib as f64 / 1024.0;
    let (rates, license) = match platform {
        Platform::LinuxX86 => (prices.linux_x86, 0.0),
        Platform::LinuxArm => (prices.linux_arm, 0.0),
        Platform::Windows => (prices.windows, prices.windows_license_vcpu_hour),
    };
    let storage = ephemeral_gib.saturating_sub(FREE_EPHEMERAL_GIB) as f64 * prices.ephemeral_gb_hour;
    (vcpu * (rates.vcpu_hour + license) + gib * rates.gb_hour + storage) * HOURS_PER_MONTH
}

/// `$12.34`
pub fn dollars(amount: f64) -> String {
    format!("${amount:.2}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_vcpu_two_gib_in_us_east_1() {
        let p = prices("us-east-1").unwrap();
        let cost = monthly_task_cost(p, Platform::LinuxX86, 1024, 2048, 20);
        assert!((cost - (0.04048 + 2.0 * 0.004445) * 730.0).abs() < 1e-9);
        assert!(monthly_task_cost(p, Platform::LinuxArm, 1024, 2048, 20) < cost);
        assert_eq!(dollars(36.0404), "$36.04");
    }
}
