//! A `containerPortRange` must be `first-last` within 1–65535, not overlap another mapping of the
//! container, stay within 100 ranges, and be used only under `bridge` or `awsvpc` networking.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::{known_i64, known_str};
use crate::model::{Container, TaskDefinition, join};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct InvalidContainerPortRange {
        code: "ECS-COR-032",
        name: "invalid-container-port-range",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "a containerPortRange AWS does not accept",
    }
}

// `PortMapping.containerPortRange` and `PortMapping.hostPort`,
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html (checked 2026-11-23).
const MAX_RANGES: usize = 100;
const MAX_PORT: u32 = 65535;

/// One port mapping's ports: (first, last, protocol, pointer to the value that sets them).
struct Ports {
    first: u32,
    last: u32,
    protocol: &'static str,
    pointer: String,
    is_range: bool,
}

impl Rule for InvalidContainerPortRange {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        let mode = task.effective_network_mode();
        for container in task.containers() {
            let mut ranges = 0;
            let mut ports: Vec<Ports> = Vec::new();
            let mappings = container.at("portMappings");
            for (i, mapping) in container.array("portMappings").iter().enumerate() {
                let at = join(&mappings, i);
                // Unknown protocols take no part in the overlap check.
                let protocol = protocol(mapping);
                match mapping.get("containerPortRange") {
                    None | Some(Value::Null) => {
                        let port = known_i64(mapping.get("containerPort")).and_then(|p| u32::try_from(p).ok());
                        if let (Some(port), Some(protocol)) = (port, protocol) {
                            let pointer = join(&at, "containerPort");
                            ports.push(Ports { first: port, last: port, protocol, pointer, is_range: false });
                        }
                        continue;
                    }
                    Some(_) => ranges += 1,
                }
                let Some(text) = known_str(mapping.get("containerPortRange")) else {
                    continue;
                };
                let pointer = join(&at, "containerPortRange");
                if ranges == MAX_RANGES + 1 {
                    self.too_many(&container, &pointer, cx);
                }
                if mode == Some("host") {
                    cx.report(self, pointer.clone())
                        .message(format!(
                            "container {} uses `containerPortRange` under network mode `host`; AWS supports port \
                             ranges only with the `bridge` or `awsvpc` network mode",
                            container.display()
                        ))
                        .label("not supported with `host` networking")
                        .related("/networkMode", "network mode set here")
                        .help("list the ports one by one with `containerPort`, or use the `awsvpc` network mode")
                        .emit();
                }
                if let Some(host) = known_i64(mapping.get("hostPort")).filter(|&p| p != 0) {
                    cx.report(self, join(&at, "hostPort"))
                        .message(format!(
                            "container {} sets `hostPort` {host} in a mapping with `containerPortRange`; AWS \
                             requires `hostPort` to be left empty with a port range and chooses the host ports itself",
                            container.display()
                        ))
                        .label("leave empty with a port range")
                        .related(pointer.clone(), "port range set here")
                        .help("remove `hostPort` from this port mapping")
                        .emit();
                }
                match parse(text) {
                    Ok((first, last)) => {
                        if let Some(protocol) = protocol {
                            ports.push(Ports { first, last, protocol, pointer, is_range: true });
                        }
                    }
                    Err(problem) => {
                        cx.report(self, pointer)
                            .message(format!(
                                "container {} has the port range `{}`, which {problem}; AWS expects \
                                 `first-last` with 1 ≤ first < last ≤ {MAX_PORT}",
                                container.display(),
                                text.escape_debug()
                            ))
                            .label("not a valid port range")
                            .help("write the range as two port numbers joined by `-`, e.g. \"8000-8099\"")
                            .emit();
                    }
                }
            }
            self.overlaps(&container, &ports, cx);
        }
    }
}

impl InvalidContainerPortRange {
    fn too_many(&self, container: &Container<'_>, pointer: &str, cx: &mut LintContext<'_>) {
        cx.report(self, pointer)
            .message(format!(
                "container {} has more than {MAX_RANGES} port ranges; AWS allows at most {MAX_RANGES} per container",
                container.display()
            ))
            .label(format!("range number {}", MAX_RANGES + 1))
            .help("merge adjacent ranges into wider ones")
            .emit();
    }

    /// "A port can only be included in one port mapping per container." Reported for mappings of the
    /// same protocol that involve at least one range (single ports twice are ECS-COR-033's finding).
    fn overlaps(&self, container: &Container<'_>, ports: &[Ports], cx: &mut LintContext<'_>) {
        for (i, later) in ports.iter().enumerate() {
            let earlier = ports[..i].iter().find(|p| {
                (p.is_range || later.is_range)
                    && p.protocol == later.protocol
                    && p.first <= later.last
                    && later.first <= p.last
            });
            let Some(earlier) = earlier else {
                continue;
            };
            let describe = |p: &Ports| {
                if p.is_range { format!("range {}-{}", p.first, p.last) } else { format!("port {}", p.first) }
            };
            cx.report(self, later.pointer.clone())
                .message(format!(
                    "container {} maps the {} ({}) that overlaps the {} of an earlier mapping; AWS allows a port \
                     in only one port mapping per container",
                    container.display(),
                    describe(later),
                    later.protocol,
                    describe(earlier),
                ))
                .label("overlaps an earlier mapping")
                .related(earlier.pointer.clone(), "earlier mapping")
                .help("make the ranges disjoint, or merge them into one range")
                .emit();
        }
    }
}

/// The mapping's protocol as AWS applies it (default `tcp`); `None` when unknown.
fn protocol(mapping: &Value) -> Option<&'static str> {
    match mapping.get("protocol") {
        None | Some(Value::Null) => Some("tcp"),
        Some(v) => match known_str(Some(v)) {
            Some("tcp") => Some("tcp"),
            Some("udp") => Some("udp"),
            _ => None,
        },
    }
}

/// Parses `"8000-8099"` (spaces around the numbers tolerated).
fn parse(text: &str) -> Result<(u32, u32), String> {
    let Some((first, last)) = text.split_once('-') else {
        return Err("is not two ports joined by `-`".to_string());
    };
    let number = |s: &str| -> Option<u32> {
        let s = s.trim();
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // Long digit strings are out of range, not unparsable.
        Some(s.parse::<u32>().unwrap_or(u32::MAX))
    };
    let (Some(first), Some(last)) = (number(first), number(last)) else {
        return Err("is not two ports joined by `-`".to_string());
    };
    if first == 0 || last == 0 || first > MAX_PORT || last > MAX_PORT {
        return Err(format!("has a port outside 1–{MAX_PORT}"));
    }
    if first >= last {
        return Err("does not start with the lower port".to_string());
    }
    Ok((first, last))
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-032";

    fn td(network: &str, mappings: &str) -> String {
        format!(
            r#"{{"family": "web", "networkMode": "{network}",
               "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256,
                                         "portMappings": {mappings}}}]}}"#
        )
    }

    #[test]
    fn fires_on_malformed_ranges() {
        let messages = assert_fires(CODE, 1, &td("awsvpc", r#"[{"containerPortRange": "9000-8000"}]"#));
        assert!(
            messages[0]
                .contains("container `app` has the port range `9000-8000`, which does not start with the lower port")
        );
        assert_fires(CODE, 1, &td("awsvpc", r#"[{"containerPortRange": "8000-8000"}]"#));
        assert_fires(CODE, 1, &td("awsvpc", r#"[{"containerPortRange": "0-100"}]"#));
        assert_fires(CODE, 1, &td("awsvpc", r#"[{"containerPortRange": "60000-70000"}]"#));
        assert_fires(CODE, 1, &td("awsvpc", r#"[{"containerPortRange": "8080"}]"#));
        assert_fires(CODE, 1, &td("awsvpc", r#"[{"containerPortRange": "80:90"}]"#));
        assert_fires(CODE, 1, &td("awsvpc", r#"[{"containerPortRange": "a-b"}]"#));
        assert_fires(CODE, 1, &td("awsvpc", r#"[{"containerPortRange": "1-99999999999999999999"}]"#));
    }

    #[test]
    fn fires_on_overlaps_within_a_container() {
        let messages = assert_fires(
            CODE,
            1,
            &td("bridge", r#"[{"containerPortRange": "8000-8100"}, {"containerPortRange": "8050-8200"}]"#),
        );
        assert!(messages[0].contains("range 8050-8200 (tcp) that overlaps the range 8000-8100"));
        let messages =
            assert_fires(CODE, 1, &td("awsvpc", r#"[{"containerPort": 8080}, {"containerPortRange": "8000-8100"}]"#));
        assert!(messages[0].contains("overlaps the port 8080"));
        // Different protocols do not overlap.
        assert_clean(
            CODE,
            &td(
                "awsvpc",
                r#"[{"containerPortRange": "8000-8100"}, {"containerPortRange": "8000-8100", "protocol": "udp"}]"#,
            ),
        );
        assert_clean(
            CODE,
            &td("awsvpc", r#"[{"containerPortRange": "8000-8100"}, {"containerPortRange": "8101-8200"}]"#),
        );
    }

    #[test]
    fn fires_on_host_ports_and_host_networking() {
        let messages =
            assert_fires(CODE, 1, &td("awsvpc", r#"[{"containerPortRange": "8000-8100", "hostPort": 8000}]"#));
        assert!(messages[0].contains("requires `hostPort` to be left empty"));
        let messages = assert_fires(CODE, 1, &td("host", r#"[{"containerPortRange": "8000-8100"}]"#));
        assert!(messages[0].contains("only with the `bridge` or `awsvpc` network mode"));
        // Omitted network mode is bridge on Linux EC2.
        assert_clean(
            CODE,
            r#"{"family": "w", "containerDefinitions": [{"name": "a", "image": "nginx", "memory": 64, "portMappings": [{"containerPortRange": "8000-8100"}]}]}"#,
        );
        assert_clean(CODE, &td("awsvpc", r#"[{"containerPortRange": "8000-8100", "hostPort": 0}]"#));
    }

    #[test]
    fn fires_on_more_than_100_ranges() {
        let ranges: Vec<String> =
            (0..101).map(|i| format!(r#"{{"containerPortRange": "{}-{}"}}"#, 10000 + i * 10, 10005 + i * 10)).collect();
        let messages = assert_fires(CODE, 1, &td("awsvpc", &format!("[{}]", ranges.join(","))));
        assert!(messages[0].contains("more than 100 port ranges"));
        assert_clean(CODE, &td("awsvpc", &format!("[{}]", ranges[..100].join(","))));
    }

    #[test]
    fn ignores_unknown_values() {
        assert_clean(CODE, &td("awsvpc", r#"[{"containerPortRange": "${RANGE}"}]"#));
        assert_clean(CODE, &td("awsvpc", r#"[{"containerPortRange": 8000}]"#));
        assert_clean(
            CODE,
            &td("awsvpc", r#"[{"containerPortRange": "8000-8100", "protocol": "${P}"}, {"containerPort": 8000}]"#),
        );
        assert_clean(CODE, &td("${MODE}", r#"[{"containerPortRange": "8000-8100"}]"#));
        assert_clean(CODE, &td("awsvpc", r#"[{"containerPortRange": " 8000 - 8100 "}]"#));
        assert_clean(CODE, &td("awsvpc", r#"{"containerPortRange": "9-1"}"#));
        assert_clean(
            CODE,
            r#"[{"name": "a", "image": "nginx", "portMappings": [{"containerPortRange": "8000-8100"}]}]"#,
        );
    }
}
