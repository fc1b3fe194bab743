//! Mutation fuzzing of the input pipeline, run as an ordinary test (deterministic seeds):
//! the span-keeping parser must agree with serde_json on accept/reject and on the value, and
//! the whole lint pipeline must never panic on any mutated input.

use ecslint::input::json::parse;
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

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(5) {
            0 if !out.is_empty() => {
                let end = (at + 1 + rng.below(8)).min(out.len());
                out.drain(at.min(end)..end);
            }
            1 => {
                let piece = INTERESTING[rng.below(INTERESTING.len())];
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
            let bytes = mutate(&mut rng, &seed);
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
            let bytes = mutate(&mut rng, &seed);
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
