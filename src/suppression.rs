//! Suppressions: in-band ones written in fields AWS accepts (task-definition and service tags,
//! container `dockerLabels`), and out-of-band `[[ignore]]` entries of `ecslint.toml`.
//!
//! - tag `{"key": "ecslint:ignore:<rule>", "value": "<reason>"}`: the whole resource;
//! - tag `{"key": "ecslint:ignore:<rule>:<container>", "value": "<reason>"}`: one container;
//! - label `"ecslint.ignore": "<rule>[,<rule>…]: <reason>"`: the container that carries it.

use crate::context::{Finding, LintContext, Side};
use crate::diagnostic::{Diagnostic, Scope};
use crate::linter::Report;
use crate::model::{Resource, join};
use crate::rule::{RuleMeta, Severity};
use crate::rules::schema::{InvalidSuppression, UnusedSuppression};
use crate::settings::Settings;
use serde_json::Value;

/// The tag key prefix of an in-band suppression.
pub const TAG_PREFIX: &str = "ecslint:ignore:";
/// The container label of an in-band suppression.
pub const LABEL: &str = "ecslint.ignore";

/// One in-band suppression of a resource.
#[derive(Debug)]
struct Inline {
    rules: Vec<&'static RuleMeta>,
    /// Index in `containerDefinitions`; `None` for the whole resource.
    container: Option<usize>,
    /// Canonical pointer of the tag key or label.
    pointer: String,
    /// Which of `rules` hid a finding.
    used: Vec<bool>,
}

/// The canonical pointer prefix of container `index`.
fn container_prefix(index: usize) -> String {
    format!("/containerDefinitions/{index}")
}

/// The index of the container a canonical pointer is in.
fn container_index(pointer: &str) -> Option<usize> {
    container_segment(pointer).map(|(_, index)| index)
}

/// The `/containerDefinitions/<i>` prefix of a canonical pointer, with `i`.
fn container_segment(pointer: &str) -> Option<(&str, usize)> {
    let rest = pointer.strip_prefix("/containerDefinitions/")?;
    let segment = rest.split('/').next()?;
    if segment.is_empty() || !segment.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let end = "/containerDefinitions/".len() + segment.len();
    Some((&pointer[..end], segment.parse().ok()?))
}

fn containers(resource: &Resource) -> &[Value] {
    resource.value.get("containerDefinitions").and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn container_name(resource: &Resource, index: usize) -> Option<&str> {
    containers(resource).get(index)?.get("name")?.as_str()
}

/// The semantic location of a canonical pointer in a resource.
pub fn scope_of(resource: &Resource, pointer: &str) -> Scope {
    let name = match resource.shape {
        crate::model::Shape::Role => resource.role().name(),
        crate::model::Shape::Cluster => resource.cluster().name(),
        shape if shape.is_service() => resource.service().name(),
        _ => resource.task_definition().family(),
    };
    // In a template or plan the logical ID or address names the resource when nothing else does.
    let name = name.or_else(|| resource.infra.as_deref().map(|i| i.id.as_str()));
    let segment = container_segment(pointer);
    let container = segment.and_then(|(_, i)| container_name(resource, i)).map(str::to_string);
    let path = match (segment, &container) {
        (Some((prefix, _)), Some(c)) => format!("{}{}", join("/containerDefinitions", c), &pointer[prefix.len()..]),
        _ => pointer.to_string(),
    };
    let value_hash = resource
        .value
        .pointer(pointer)
        .map(|v| crate::output::fingerprint::fnv1a(&[&v.to_string()]))
        .unwrap_or_default();
    Scope { resource: name.map(str::to_string), container, path, value_hash }
}

/// Parses a rule list (`a, b`) into rules; the first unknown one is the error.
fn parse_rules(list: &str) -> Result<Vec<&'static RuleMeta>, String> {
    let mut rules = Vec::new();
    for item in list.split(',').map(str::trim) {
        match crate::rules::find(item) {
            Some(rule) => rules.push(rule.meta()),
            None => return Err(format!("unknown rule `{item}` in suppression; `ecslint rules` lists them")),
        }
    }
    Ok(rules)
}

/// Reads a resource's in-band suppressions; problems are reported through `cx`.
fn read_inline(resource: &Resource, cx: &mut LintContext<'_>) -> Vec<Inline> {
    let mut out = Vec::new();
    let tags = resource.value.get("tags").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    for (i, tag) in tags.iter().enumerate() {
        let Some(rest) = tag.get("key").and_then(Value::as_str).and_then(|k| k.strip_prefix(TAG_PREFIX)) else {
            continue;
        };
        let pointer = format!("/tags/{i}/key");
        let (rule, container) = match rest.split_once(':') {
            Some((rule, container)) => (rule, Some(container)),
            None => (rest, None),
        };
        let rules = match parse_rules(rule) {
            Ok(rules) => rules,
            Err(message) => {
                invalid(cx, &pointer, message);
                continue;
            }
        };
        let container = match container {
            None => None,
            Some(name) => {
                match containers(resource).iter().position(|c| c.get("name").and_then(Value::as_str) == Some(name)) {
                    Some(index) => Some(index),
                    None => {
                        invalid(cx, &pointer, format!("no container named `{name}` for this suppression"));
                        continue;
                    }
                }
            }
        };
        let reason = tag.get("value").and_then(Value::as_str).unwrap_or_default();
        if reason.trim().is_empty() {
            invalid(
                cx,
                &format!("/tags/{i}"),
                "a suppression tag needs a reason in its `value`; it suppresses nothing".into(),
            );
            continue;
        }
        out.push(Inline { used: vec![false; rules.len()], rules, container, pointer });
    }
    for (i, ignore) in resource.infra.iter().flat_map(|infra| &infra.ignores).enumerate() {
        let pointer = format!("/{}/{i}", crate::cfn::METADATA);
        if ignore.reason.trim().is_empty() {
            invalid(cx, &pointer, "a `Metadata` suppression needs a `reason`; it suppresses nothing".into());
            continue;
        }
        match parse_rules(&ignore.rule) {
            // A template-wide entry is never reported unused by one of the resources it covers.
            Ok(rules) => {
                out.push(Inline { used: vec![ignore.template_wide; rules.len()], rules, container: None, pointer })
            }
            Err(message) => invalid(cx, &pointer, message),
        }
    }
    for (index, container) in containers(resource).iter().enumerate() {
        let Some(label) = container.get("dockerLabels").and_then(|l| l.get(LABEL)).and_then(Value::as_str) else {
            continue;
        };
        let pointer = join(&join(&container_prefix(index), "dockerLabels"), LABEL);
        let (list, reason) = label.split_once(':').unwrap_or((label, ""));
        if reason.trim().is_empty() {
            invalid(
                cx,
                &pointer,
                format!("write the reason after the rules: `{LABEL}: RULE[,RULE]: reason`; it suppresses nothing"),
            );
            continue;
        }
        match parse_rules(list) {
            Ok(rules) => out.push(Inline { used: vec![false; rules.len()], rules, container: Some(index), pointer }),
            Err(message) => invalid(cx, &pointer, message),
        }
    }
    out
}

fn invalid(cx: &mut LintContext<'_>, pointer: &str, message: String) {
    cx.report(&InvalidSuppression, pointer)
        .message(message)
        .help("see the Suppressions section of the README for the forms ecslint reads")
        .emit();
}

/// Drops the findings an in-band suppression covers and, with `report`, adds findings for the
/// suppressions that are invalid or covered nothing. Findings in a linked resource (a service's
/// task definition) are left alone.
pub fn apply_inline(resource: &Resource, findings: Vec<Finding>, settings: &Settings, report: bool) -> Vec<Finding> {
    let mut cx = LintContext::new(settings);
    let mut suppressions = read_inline(resource, &mut cx);
    let mut kept = Vec::with_capacity(findings.len());
    for finding in findings {
        let index = container_index(&finding.pointer);
        if finding.side == Side::Linked {
            kept.push(finding);
            continue;
        }
        let by = suppressions.iter_mut().find_map(|s| {
            let rule = s.rules.iter().position(|r| r.code == finding.rule.code)?;
            (s.container.is_none() || s.container == index).then_some((s, rule))
        });
        match by {
            Some((s, rule)) => s.used[rule] = true,
            None => kept.push(finding),
        }
    }
    if !report {
        return kept;
    }
    for s in &suppressions {
        let codes: Vec<&str> = s.rules.iter().zip(&s.used).filter(|(_, used)| !**used).map(|(r, _)| r.code).collect();
        if codes.is_empty() {
            continue;
        }
        cx.report(&UnusedSuppression, s.pointer.as_str())
            .on_key()
            .message(format!("this suppression of {} matched no finding", codes.join(", ")))
            .help("remove it, or fix the rule name if it was misspelt")
            .emit();
    }
    kept.extend(cx.into_findings());
    kept
}

/// One `[[ignore]]` entry of the config, validated.
#[derive(Debug, Clone)]
pub struct Ignore {
    pub rule: &'static RuleMeta,
    pub pattern: String,
    pub glob: globset::GlobMatcher,
    pub container: Option<String>,
    pub pointer: Option<String>,
    pub reason: String,
    /// `YYYY-MM-DD` and its day number.
    pub expires: Option<(String, i64)>,
}

impl Ignore {
    fn covers(&self, d: &Diagnostic, settings: &Settings) -> bool {
        let container = d.scope.as_ref().and_then(|s| s.container.as_deref());
        d.rule.code == self.rule.code
            && self.glob.is_match(settings.relative(std::path::Path::new(&d.file)))
            && self.container.as_deref().is_none_or(|c| container == Some(c))
            && self.pointer.as_deref().is_none_or(|p| {
                d.pointer.strip_prefix(p).is_some_and(|rest| rest.is_empty() || rest.starts_with('/') || p.is_empty())
            })
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date of a day number (inverse of [`days_from_civil`]).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// Parses a strict `YYYY-MM-DD` date into its day number.
pub fn parse_date(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return None;
    }
    let year: i64 = text.get(0..4)?.parse().ok()?;
    let month: u32 = text.get(5..7)?.parse().ok()?;
    let day: u32 = text.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    // Reject 2023-02-30 and the like: the round trip must give the same date.
    (civil_from_days(days) == (year, month, day)).then_some(days)
}

/// Today (UTC) as a day number.
pub fn today() -> i64 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    (secs / 86_400) as i64
}

/// Applies the config's `[[ignore]]` entries to a finished report: drops covered findings, notes
/// expired entries on the findings they no longer hide, and reports unused entries.
pub fn apply_ignores(report: &mut Report, settings: &Settings) {
    if settings.ignores.is_empty() && settings.nested.is_none() {
        return;
    }
    let today = today();
    let mut used = vec![false; settings.ignores.len()];
    report.diagnostics.retain_mut(|d| {
        // A file under a nested config uses that config's entries.
        let nested = settings.nested.as_ref().and_then(|n| n.for_file(std::path::Path::new(&d.file), settings));
        let (file_settings, own) = match nested.as_deref() {
            Some(Ok(nested)) => (nested, false),
            _ => (settings, true),
        };
        let mut expired = None;
        for (i, entry) in file_settings.ignores.iter().enumerate() {
            if !entry.covers(d, file_settings) {
                continue;
            }
            match &entry.expires {
                Some((date, day)) if *day < today => expired = Some(date.clone()),
                _ => {
                    if own {
                        used[i] = true;
                    }
                    report.suppressed += 1;
                    return false;
                }
            }
        }
        if let Some(date) = expired {
            d.message.push_str(&format!(" (an [[ignore]] entry suppressed this until {date}; it has expired)"));
        }
        true
    });
    let config = settings.config_file.as_deref().map(crate::linter::display_path).unwrap_or_default();
    let Some(severity) = settings.levels.severity(&UnusedSuppression::META, Severity::Info) else { return };
    for (i, entry) in settings.ignores.iter().enumerate() {
        let expired = entry.expires.as_ref().is_some_and(|(_, day)| *day < today);
        let linted =
            report.files_linted.iter().any(|f| entry.glob.is_match(settings.relative(std::path::Path::new(f))));
        if used[i] || expired || !linted {
            continue;
        }
        let mut d = Diagnostic::file_level(
            &config,
            &UnusedSuppression::META,
            format!(
                "[[ignore]] entry {} (rule {}, path `{}`) matched no finding",
                i + 1,
                entry.rule.code,
                entry.pattern
            ),
        )
        .with_help("remove the entry, or correct its rule, path, container or pointer")
        .with_severity(severity);
        d.pointer = String::new();
        report.diagnostics.push(d);
    }
    report.diagnostics.sort_by(Diagnostic::sort_key_cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(parse_date("2000-03-01"), Some(11_017));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(parse_date("2024-02-29"), Some(days_from_civil(2024, 2, 29)));
        for bad in ["+123-01-01", "2023-02-29", "2024-13-01", "2024-1-01", "tomorrow", "2024-00-10", "2024-01-32", ""] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert!(today() > days_from_civil(2025, 1, 1));
    }

    #[test]
    fn container_indexes() {
        assert_eq!(container_index("/containerDefinitions/3/image"), Some(3));
        assert_eq!(container_index("/containerDefinitions/12"), Some(12));
        assert_eq!(container_index("/cpu"), None);
        assert_eq!(container_index("/containerDefinitionsX/1"), None);
        assert_eq!(container_index("/containerDefinitions/+1"), None);
        assert_eq!(container_index("/containerDefinitions//x"), None);
    }

    #[test]
    fn rule_lists() {
        assert_eq!(parse_rules("ECS-SEC-001, image-tag-latest").map(|r| r.len()), Ok(2));
        assert!(parse_rules("nope").is_err());
    }
}
