//! Messages about a plan name the Terraform attributes (`network_mode`, `assign_public_ip`), not
//! the API fields the rules are written against. Container fields keep their API names: they
//! live inside `container_definitions`, which is API-shaped JSON.

use super::table::{CLUSTER, Field, Kind, SERVICE, TASK_DEFINITION};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Rewrites the API field names quoted in a message the way a Terraform configuration spells them.
pub fn plan_wording(text: &str) -> String {
    let names = names();
    crate::model::wording::rename_quoted(text, |name| names.get(name).map(|tf| (*tf).to_string()))
}

/// API name → Terraform attribute, for every attribute that maps to one field of its own and
/// whose API name is not also a container-definition field.
fn names() -> &'static HashMap<&'static str, &'static str> {
    static NAMES: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let schema = crate::schema::Schema::register_task_definition();
        let container = schema.resolve(&schema.root()["$defs"]["ContainerDefinition"]);
        let container_fields = container.get("properties").and_then(|p| p.as_object());
        let in_container = |name: &str| container_fields.is_some_and(|p| p.contains_key(name));
        let mut names = HashMap::new();
        let mut todo: Vec<&'static [Field]> = vec![TASK_DEFINITION, SERVICE, CLUSTER];
        while let Some(fields) = todo.pop() {
            for field in fields {
                if let [api] = field.to
                    && *api != field.tf
                    && !in_container(api)
                {
                    names.entry(*api).or_insert(field.tf);
                }
                if let Kind::Block(inner) | Kind::Blocks(inner) = field.kind {
                    todo.push(inner);
                }
            }
        }
        names
    })
}

#[cfg(test)]
mod tests {
    use super::plan_wording;

    #[test]
    fn messages_use_terraform_attribute_names() {
        assert_eq!(
            plan_wording("a Fargate task definition without `networkMode`; `assignPublicIp` is ENABLED"),
            "a Fargate task definition without `network_mode`; `assign_public_ip` is ENABLED"
        );
        // Container fields are written inside `container_definitions` as the API names them.
        assert_eq!(
            plan_wording("container `app` has no `logConfiguration`"),
            "container `app` has no `logConfiguration`"
        );
        assert_eq!(plan_wording("`cpu` and `family`"), "`cpu` and `family`");
    }
}
