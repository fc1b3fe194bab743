//! Environment files are at most ten `.env` objects in Amazon S3, each named by its S3 object ARN.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::known::known_str;
use crate::model::{TaskDefinition, join};
use crate::rule::Rule;

declare_rule! {
    pub struct InvalidEnvironmentFiles {
        code: "ECS-COR-036",
        name: "invalid-environment-files",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "environment files AWS does not accept",
    }
}

// ContainerDefinition `environmentFiles` and EnvironmentFile,
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EnvironmentFile.html (checked
// 2026-11-23): "You can specify up to ten environment files. The file must have a .env file
// extension."; `value` is "The Amazon Resource Name (ARN) of the Amazon S3 object". The `type`
// enum (`s3`) is checked by the schema.
const MAX_FILES: usize = 10;

/// What is wrong with an environment file `value`.
fn problem(value: &str) -> Option<(String, String)> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Some((
            "is empty".to_string(),
            "write the S3 object ARN, e.g. \"arn:aws:s3:::my-bucket/app.env\", or remove the entry".to_string(),
        ));
    }
    if let Some(rest) = trimmed.strip_prefix("s3://") {
        return Some((
            "is an S3 URL, not an ARN".to_string(),
            format!("write it as an S3 object ARN: \"arn:aws:s3:::{rest}\""),
        ));
    }
    let parts: Vec<&str> = trimmed.splitn(6, ':').collect();
    let [arn, _partition, service, region, account, resource] = parts.as_slice() else {
        return Some((
            "is not an ARN".to_string(),
            "write the S3 object ARN, e.g. \"arn:aws:s3:::my-bucket/app.env\"".to_string(),
        ));
    };
    if *arn != "arn" || *service != "s3" {
        return Some((
            "is not an S3 object ARN".to_string(),
            "write the S3 object ARN, e.g. \"arn:aws:s3:::my-bucket/app.env\"".to_string(),
        ));
    }
    // Bucket ARNs have no Region or account: `bucket/key`. Access point and Outposts ARNs have
    // other layouts; only their extension is checked.
    if region.is_empty() && account.is_empty() {
        match resource.split_once('/') {
            Some((bucket, key)) if !bucket.is_empty() && !key.is_empty() => {}
            _ => {
                return Some((
                    "names a bucket, not an object in it".to_string(),
                    format!("add the object key: \"{}/app.env\"", trimmed.trim_end_matches('/')),
                ));
            }
        }
    }
    let file = resource.rsplit('/').next().unwrap_or_default();
    if !file.to_ascii_lowercase().ends_with(".env") {
        return Some((
            "does not name a file with the `.env` extension AWS requires".to_string(),
            "rename the object so it ends in `.env`, e.g. `app.env`".to_string(),
        ));
    }
    None
}

impl Rule for InvalidEnvironmentFiles {
    fn check(&self, task: &TaskDefinition<'_>, cx: &mut LintContext<'_>) {
        for container in task.containers() {
            let files = container.array("environmentFiles");
            let at = container.at("environmentFiles");
            if files.len() > MAX_FILES {
                cx.report(self, join(&at, MAX_FILES))
                    .message(format!(
                        "container {} has {} environment files; AWS allows at most {MAX_FILES}",
                        container.display(),
                        files.len()
                    ))
                    .label(format!("file number {}", MAX_FILES + 1))
                    .help("merge the files, or move variables into `environment` or `secrets`")
                    .emit();
            }
            for (i, file) in files.iter().enumerate() {
                let Some(value) = known_str(file.get("value")) else {
                    continue;
                };
                let Some((problem, help)) = problem(value) else {
                    continue;
                };
                cx.report(self, join(&join(&at, i), "value"))
                    .message(format!(
                        "environment file `{}` of container {} {problem}; AWS needs the ARN of an S3 object with \
                         the `.env` extension",
                        value.escape_debug(),
                        container.display()
                    ))
                    .label(if problem.contains(".env") { "not a `.env` file" } else { "not an S3 object ARN" })
                    .help(help)
                    .emit();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tester::{assert_clean, assert_fires};

    const CODE: &str = "ECS-COR-036";

    fn td(files: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "memory": 256,
               "environmentFiles": {files}}}]}}"#
        )
    }

    fn file(value: &str) -> String {
        td(&format!(r#"[{{"value": "{value}", "type": "s3"}}]"#))
    }

    #[test]
    fn fires_on_values_that_are_not_s3_env_objects() {
        let messages = assert_fires(CODE, 1, &file("s3://my-bucket/app.env"));
        assert!(messages[0].contains("environment file `s3://my-bucket/app.env` of container `app` is an S3 URL"));
        assert_fires(CODE, 1, &file("my-bucket/app.env"));
        assert_fires(CODE, 1, &file("arn:aws:ssm:us-east-1:123456789012:parameter/app.env"));
        let messages = assert_fires(CODE, 1, &file("arn:aws:s3:::my-bucket"));
        assert!(messages[0].contains("names a bucket"));
        assert_fires(CODE, 1, &file("arn:aws:s3:::my-bucket/"));
        let messages = assert_fires(CODE, 1, &file("arn:aws:s3:::my-bucket/app.txt"));
        assert!(messages[0].contains("`.env` extension"));
    }

    #[test]
    fn fires_on_more_than_ten_files() {
        let one = r#"{"value": "arn:aws:s3:::b/a.env", "type": "s3"}"#;
        let messages = assert_fires(CODE, 1, &td(&format!("[{}]", [one; 11].join(","))));
        assert!(messages[0].contains("has 11 environment files; AWS allows at most 10"));
        assert_clean(CODE, &td(&format!("[{}]", [one; 10].join(","))));
    }

    #[test]
    fn accepts_s3_object_arns_in_every_partition() {
        assert_clean(CODE, &file("arn:aws:s3:::my-bucket/path/to/app.env"));
        assert_clean(CODE, &file("arn:aws-us-gov:s3:::my-bucket/app.env"));
        assert_clean(CODE, &file("arn:aws-cn:s3:::my-bucket/APP.ENV"));
        assert_clean(CODE, &file("arn:aws:s3:::my-bucket/config/.env"));
        assert_clean(CODE, &file("arn:aws:s3:us-east-1:123456789012:accesspoint/ap/object/app.env"));
    }

    #[test]
    fn ignores_unknown_values() {
        assert_clean(CODE, &file("${ENV_FILE_ARN}"));
        assert_clean(CODE, &file("arn:aws:s3:::${BUCKET}/app.env"));
        assert_clean(CODE, &td(r#"[{"value": 5, "type": "s3"}, null, "x"]"#));
        assert_clean(CODE, &td(r#"{"value": "s3://b/a.env"}"#));
    }

    #[test]
    fn applies_to_bare_container_arrays() {
        assert_fires(
            CODE,
            1,
            r#"[{"name": "a", "image": "nginx", "environmentFiles": [{"value": "s3://b/a.env", "type": "s3"}]}]"#,
        );
    }
}
