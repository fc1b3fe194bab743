//! TODO(rule author): an EFS access point with a root directory other than /.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct EfsAccessPointRootDirectory {
        code: "ECS-COR-041",
        name: "efs-access-point-root-directory",
        category: Correctness,
        severity: Error,
        since: "0.1.0",
        summary: "an EFS access point with a root directory other than /",
    }
}

impl Rule for EfsAccessPointRootDirectory {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
