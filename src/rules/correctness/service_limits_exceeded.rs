//! A service lists more subnets, security groups, placement rules or capacity providers than AWS allows.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::{Service, TaskDefinition};
use crate::rule::Rule;
use serde_json::Value;

declare_rule! {
    pub struct ServiceLimitsExceeded {
        code: "ECS-COR-060",
        name: "service-limits-exceeded",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "more subnets, security groups, placement rules or capacity providers than AWS allows",
    }
}

/// A list limit from the ECS API reference (checked 2026-11-23). None of these is a `maxItems`
/// in the CreateService schema, so ECS-SCH-008 does not report them.
struct Limit {
    path: &'static [&'static str],
    max: usize,
    /// The API reference's own sentence.
    aws: &'static str,
}

const LIMITS: &[Limit] = &[
    Limit {
        path: &["networkConfiguration", "awsvpcConfiguration", "subnets"],
        max: 16,
        aws: "There's a limit of 16 subnets that can be specified.",
    },
    Limit {
        path: &["networkConfiguration", "awsvpcConfiguration", "securityGroups"],
        max: 5,
        aws: "There's a limit of 5 security groups that can be specified.",
    },
    Limit {
        path: &["placementStrategy"],
        max: 5,
        aws: "You can specify a maximum of 5 strategy rules for each service.",
    },
    Limit {
        path: &["capacityProviderStrategy"],
        max: 20,
        aws: "A capacity provider strategy can contain a maximum of 20 capacity providers.",
    },
];

/// Placement constraints: 10 per task, counting the task definition's own.
const MAX_CONSTRAINTS: usize = 10;
const CONSTRAINTS_AWS: &str = "You can specify a maximum of 10 constraints for each task. This limit includes \
                               constraints in the task definition and those specified at runtime.";

fn count(value: Option<&Value>) -> usize {
    value.and_then(Value::as_array).map_or(0, Vec::len)
}

impl Rule for ServiceLimitsExceeded {
    fn check_service(&self, service: &Service<'_>, task: Option<&TaskDefinition<'_>>, cx: &mut LintContext<'_>) {
        for limit in LIMITS {
            let found = count(service.at(limit.path));
            if found <= limit.max {
                continue;
            }
            let field = limit.path.last().copied().unwrap_or_default();
            cx.report(self, Service::pointer(limit.path))
                .on_key()
                .message(format!(
                    "`{field}` lists {found} entries, more than the {} AWS allows; the API reference says: {}",
                    limit.max, limit.aws
                ))
                .label(format!("{found} entries, at most {}", limit.max))
                .help(format!("keep at most {} entries in `{field}`", limit.max))
                .emit();
        }

        let own = count(service.get("placementConstraints"));
        if own == 0 {
            return;
        }
        let inherited = task.map_or(0, |t| count(t.get("placementConstraints")));
        if own + inherited <= MAX_CONSTRAINTS {
            return;
        }
        let (total, split) = if inherited > 0 {
            (own + inherited, format!(" ({own} here and {inherited} in the task definition)"))
        } else {
            (own, String::new())
        };
        let mut finding = cx
            .report(self, "/placementConstraints")
            .on_key()
            .message(format!(
                "each task gets {total} placement constraints{split}, more than the {MAX_CONSTRAINTS} AWS allows; the API \
                 reference says: {CONSTRAINTS_AWS}"
            ))
            .label(format!("{total} constraints per task, at most {MAX_CONSTRAINTS}"))
            .help(format!(
                "keep at most {MAX_CONSTRAINTS} placement constraints per task; merge `memberOf` expressions with `and`"
            ));
        if inherited > 0 {
            finding = finding.related_task("/placementConstraints", format!("{inherited} more constraints here"));
        }
        finding.emit();
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-060";

    fn list(n: usize, item: &str) -> String {
        let items: Vec<String> = (0..n).map(|i| item.replace('#', &i.to_string())).collect();
        format!("[{}]", items.join(", "))
    }

    fn vpc(subnets: usize, groups: usize) -> String {
        format!(
            r#"{{"serviceName": "web", "networkConfiguration": {{"awsvpcConfiguration": {{"subnets": {}, "securityGroups": {}}}}}}}"#,
            list(subnets, r#""subnet-#""#),
            list(groups, r#""sg-#""#)
        )
    }

    #[test]
    fn subnets_and_security_groups() {
        let messages = assert_fires(CODE, 1, &vpc(17, 5));
        assert!(messages[0].contains("`subnets` lists 17 entries, more than the 16 AWS allows"));
        assert!(messages[0].contains("There's a limit of 16 subnets"));
        assert_fires(CODE, 2, &vpc(17, 6));
        assert_clean(CODE, &vpc(16, 5));
    }

    #[test]
    fn placement_and_capacity_providers() {
        let strategy = list(6, r#"{"type": "spread", "field": "attribute:a#"}"#);
        assert_fires(CODE, 1, &format!(r#"{{"serviceName": "web", "placementStrategy": {strategy}}}"#));
        let providers = list(21, r#"{"capacityProvider": "cp#", "weight": 1}"#);
        assert_fires(CODE, 1, &format!(r#"{{"serviceName": "web", "capacityProviderStrategy": {providers}}}"#));
        let constraints = list(11, r#"{"type": "memberOf", "expression": "attribute:a# exists"}"#);
        let messages = assert_fires(
            CODE,
            1,
            &format!(r#"{{"service": "web", "desiredCount": 2, "placementConstraints": {constraints}}}"#),
        );
        assert!(messages[0].contains("each task gets 11 placement constraints"));
        let ten = list(10, r#"{"type": "distinctInstance"}"#);
        assert_clean(
            CODE,
            &format!(r#"{{"serviceName": "web", "taskDefinition": "web", "placementConstraints": {ten}}}"#),
        );
    }

    #[test]
    fn constraints_add_up_with_the_task_definition() {
        let td = format!(
            r#"{{"family": "web", "placementConstraints": {}, "containerDefinitions": [{{"name": "a", "image": "nginx", "memory": 128}}]}}"#,
            list(4, r#"{"type": "memberOf", "expression": "attribute:t# exists"}"#)
        );
        let svc = format!(
            r#"{{"serviceName": "web", "taskDefinition": "web:2", "placementConstraints": {}}}"#,
            list(7, r#"{"type": "memberOf", "expression": "attribute:s# exists"}"#)
        );
        let found = crate::rules::tester::linked(CODE, &svc, &td);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].message.contains("11 placement constraints (7 here and 4 in the task definition)"));
        assert!(found[0].related[0].file.ends_with("td.json"));
    }

    #[test]
    fn odd_shapes_do_not_panic() {
        assert_clean(
            CODE,
            r#"{"serviceName": "web", "placementStrategy": "${STRATEGY}", "networkConfiguration": null}"#,
        );
        assert_clean(
            CODE,
            r#"{"serviceName": "web", "networkConfiguration": {"awsvpcConfiguration": {"subnets": {"a": 1}}}}"#,
        );
        assert_clean(CODE, r#"[{"name": "a", "image": "nginx", "memory": 128}]"#);
    }
}
