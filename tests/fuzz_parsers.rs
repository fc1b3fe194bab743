//! Mutation fuzzing of the input pipeline, run as an ordinary test (deterministic seeds):
//! the span-keeping parser must agree with serde_json on accept/reject and on the value, and
//! the whole lint pipeline must never panic on any mutated input, and neither may the YAML parser.

use ecslint::input::json::{Node, NodeKind, parse};
use ecslint::input::yaml;
use ecslint::{Settings, lint_source};

/// xorshift64*: small, deterministic, good enough to drive mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const INTERESTING: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"\"",
    b"\\",
    b"\\u",
    b"\\ud800",
    b"\\udc00",
    b"0",
    b"-",
    b"1e999",
    b".5",
    b"true",
    b"null",
    b" ",
    b"\t",
    b"\n",
    b"\r\n",
    b"\x00",
    b"\xff",
    b"\xc3\xa9",
    b"\xef\xbb\xbf",
    b"//",
    b"${X}",
    b"{{x}}",
    b"18446744073709551616",
    b"-9223372036854775809",
];

fn mutate(rng: &mut Rng, input: &[u8], pieces: &[&[u8]]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(5) {
            0 if !out.is_empty() => {
                let end = (at + 1 + rng.below(8)).min(out.len());
                out.drain(at.min(end)..end);
            }
            1 => {
                let piece = pieces[rng.below(pieces.len())];
                out.splice(at..at, piece.iter().copied());
            }
            2 if at < out.len() => out[at] = (rng.next() & 0xff) as u8,
            3 if !out.is_empty() => {
                let start = rng.below(out.len());
                let end = (start + rng.below(64)).min(out.len());
                let chunk = out[start..end].to_vec();
                out.splice(at..at, chunk);
            }
            _ => out.truncate(at),
        }
    }
    out
}

fn seeds() -> Vec<Vec<u8>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut files = Vec::new();
    for sub in ["good", "broken"] {
        for entry in std::fs::read_dir(format!("{dir}/{sub}")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                files.push(std::fs::read(path).unwrap());
            }
        }
    }
    files.sort();
    files
}

#[test]
fn parser_agrees_with_serde_json_on_mutated_documents() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut checked = 0;
    for seed in seeds() {
        for _ in 0..1500 {
            let bytes = mutate(&mut rng, &seed, INTERESTING);
            let Ok(text) = std::str::from_utf8(&bytes) else { continue };
            let ours = parse(text, 0);
            let theirs = serde_json::from_str::<serde_json::Value>(text);
            match (&ours, &theirs) {
                (Ok(parsed), Ok(value)) => assert_eq!(&parsed.root.to_value(), value, "value differs for {text:?}"),
                (Err(_), Err(_)) => {}
                // serde_json stops at 128 levels; ours allows 256: not a disagreement on grammar.
                (Ok(_), Err(e)) if e.to_string().contains("recursion limit") => {}
                _ => panic!("disagreement on {text:?}: ours {:?}, serde_json {:?}", ours.is_ok(), theirs.is_ok()),
            }
            checked += 1;
        }
    }
    assert!(checked > 5000, "too few UTF-8 mutants checked: {checked}");
}

#[test]
fn pipeline_never_panics_on_mutated_bytes() {
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    let settings = Settings::default();
    for seed in seeds() {
        for _ in 0..400 {
            let bytes = mutate(&mut rng, &seed, INTERESTING);
            let report = lint_source("fuzz.json", bytes, &settings);
            for d in &report.diagnostics {
                assert!(d.start.line >= 1 && d.start.column >= 1);
                if let (Some(span), Some(source)) = (&d.span, report.sources.get("fuzz.json")) {
                    assert!(
                        span.end <= source.len()
                            && source.is_char_boundary(span.start)
                            && source.is_char_boundary(span.end)
                    );
                }
            }
        }
    }
}

const YAML_INTERESTING: &[&[u8]] = &[
    b"!Ref ",
    b"!GetAtt A.B",
    b"!If [",
    b"!!str ",
    b"!<tag:yaml.org,2002:int> ",
    b"! ",
    b"&a ",
    b"*a",
    b"<<: ",
    b"- ",
    b"? ",
    b": ",
    b"|",
    b">-",
    b"|+2",
    b"---\n",
    b"...\n",
    b"%TAG ! tag:x:\n",
    b"'",
    b"\"",
    b"\\x",
    b"# c\n",
    b"\t",
    b"\n  ",
    b"\r\n",
    b"[",
    b"]",
    b"{",
    b"}",
    b",",
    b"\xc3\xa9",
    b"\xef\xbb\xbf",
    b"\x00",
    b"yes",
    b"~",
    b"0x1F",
    b"1.0e999",
    b"18446744073709551616",
];

const YAML_SEEDS: &[&str] = &[
    "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Env: {Type: String, Default: prod}\nConditions:\n  \
     IsProd: !Equals [!Ref Env, prod]\nResources:\n  TaskDef:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      \
     Family: !Sub '${AWS::StackName}-web'\n      Cpu: 256\n      Memory: '512'\n      ExecutionRoleArn: !GetAtt ExecRole.Arn\n      \
     ContainerDefinitions:\n        - Name: web # é\n          Image: !Join ['', [!Ref Repo, ':', !If [IsProd, stable, latest]]]\n          \
     Essential: yes\n          Command: [\"sh\", \"-c\", \"echo hi\"]\n",
    "Resources:\n  Svc:\n    Type: AWS::ECS::Service\n    Properties:\n      Cluster: !ImportValue\n        \
     Fn::Sub: ${Net}-cluster\n      Subnets: !Split\n        - ','\n        - !Ref Subnets\n      Script: |\n        \
     #!/bin/sh\n        echo \"é\"\n      Note: >-\n        folded\n        text\n      Count: ~\n      Count: 2\n",
    "{\"Resources\": {\"T\": {\"Type\": \"AWS::ECS::TaskDefinition\", \"Properties\": {\"Cpu\": \"256\", \"Tags\": [{\"Key\": \"k\"}]}}}}\r\n",
];

/// Every span of the tree lies inside the text, on character boundaries, without recursion.
fn assert_spans(text: &str, root: &Node) {
    let ok = |span: &std::ops::Range<usize>| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    let mut todo = vec![root];
    while let Some(node) = todo.pop() {
        assert!(ok(&node.span), "bad span {:?} in {text:?}", node.span);
        match &node.kind {
            NodeKind::Array(items) => todo.extend(items),
            NodeKind::Object(members) => {
                for m in members {
                    assert!(ok(&m.key_span), "bad key span {:?} in {text:?}", m.key_span);
                    todo.push(&m.value);
                }
            }
            _ => {}
        }
    }
}

#[test]
fn yaml_parser_never_panics_on_mutated_templates() {
    let mut rng = Rng(0xdead_beef_cafe_f00d);
    let (mut checked, mut accepted) = (0, 0);
    for seed in YAML_SEEDS {
        for _ in 0..2000 {
            let bytes = mutate(&mut rng, seed.as_bytes(), YAML_INTERESTING);
            let Ok(text) = std::str::from_utf8(&bytes) else { continue };
            let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
            match yaml::parse(text, start) {
                Ok(parsed) => {
                    assert_spans(text, &parsed.root);
                    for d in &parsed.duplicates {
                        assert!(d.first.end <= text.len() && d.second.end <= text.len());
                    }
                    accepted += 1;
                }
                Err(e) => assert!(
                    e.span.start <= e.span.end
                        && e.span.end <= text.len()
                        && text.is_char_boundary(e.span.start)
                        && text.is_char_boundary(e.span.end),
                    "bad error span {:?} for {text:?}",
                    e.span
                ),
            }
            checked += 1;
        }
    }
    assert!(checked > 4000 && accepted > 500, "too few mutants: {checked} checked, {accepted} accepted");
}

/// A file name, the seed bytes and the pieces its mutations insert.
type Case<'a> = (&'a str, &'a [u8], &'a [&'a [u8]]);

/// The whole pipeline (CloudFormation normalisation, Terraform grafting, roles, rules, placing)
/// on mutated templates and plans: never a panic.
#[test]
fn pipeline_never_panics_on_mutated_templates_and_plans() {
    let settings = Settings::default();
    let mut rng = Rng(0x0bad_c0de_1234_5678);
    let plan = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/terraform/privileged-and-env-secret.plan.json"
    ))
    .expect("plan fixture");
    let template = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/broken/cloudformation-stack.yaml"))
        .expect("template example");
    let mut cases: Vec<Case<'_>> = vec![("fuzz.json", &plan, INTERESTING), ("fuzz.yaml", &template, YAML_INTERESTING)];
    cases.extend(YAML_SEEDS.iter().map(|s| ("fuzz.yaml", s.as_bytes(), YAML_INTERESTING)));
    for (name, seed, pieces) in cases {
        for _ in 0..400 {
            let bytes = mutate(&mut rng, seed, pieces);
            let report = lint_source(name, bytes, &settings);
            for d in &report.diagnostics {
                assert!(d.start.line >= 1, "{name}: {d:?}");
            }
        }
    }
}
