//! Meta-tests over the rule registry: identity, order, pages and the generated index.

use ecslint::rules::ALL;
use std::collections::HashSet;

#[test]
fn codes_are_sorted_unique_and_well_formed() {
    let code = regex::Regex::new(r"^ECS-(SCH|SEC|COST|HA|COR)-\d{3}$").unwrap();
    let name = regex::Regex::new(r"^[a-z0-9]+(-[a-z0-9]+)*$").unwrap();
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    let order =
        |c: &str| ["SCH", "COR", "SEC", "COST", "HA"].iter().position(|p| c.contains(&format!("-{p}-"))).unwrap();
    for pair in ALL.windows(2) {
        let (a, b) = (pair[0].meta().code, pair[1].meta().code);
        assert!((order(a), a) < (order(b), b), "ALL must be sorted by category then code: {a} before {b}");
    }
    for rule in ALL {
        let m = rule.meta();
        assert!(code.is_match(m.code), "bad code {}", m.code);
        assert!(name.is_match(m.name), "bad name {}", m.name);
        assert!(codes.insert(m.code), "duplicate code {}", m.code);
        assert!(names.insert(m.name), "duplicate name {}", m.name);
        assert!(
            !m.summary.ends_with('.') && m.summary.chars().next().is_some_and(char::is_lowercase),
            "{}: summary style",
            m.code
        );
    }
}

#[test]
fn every_page_belongs_to_a_rule() {
    let codes: HashSet<_> = ALL.iter().map(|r| r.meta().code.to_string()).collect();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name == "README.md" {
            continue;
        }
        let code = name.strip_suffix(".md").expect("only Markdown pages in rules/");
        assert!(codes.contains(code), "rules/{name} has no rule");
    }
}

/// `rules/README.md` is generated; run with `UPDATE_RULES_INDEX=1` to refresh it.
#[test]
fn rules_index_is_fresh() {
    let expected = ecslint::rules::index_markdown();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/README.md");
    if std::env::var_os("UPDATE_RULES_INDEX").is_some() {
        std::fs::write(path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(actual == expected, "rules/README.md is stale: run `UPDATE_RULES_INDEX=1 cargo test --test registry`");
}
