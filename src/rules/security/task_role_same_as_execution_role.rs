//! TODO(rule author): the task role and the execution role are the same role.

use crate::context::LintContext;
use crate::declare_rule;
use crate::model::TaskDefinition;
use crate::rule::Rule;

declare_rule! {
    pub struct TaskRoleSameAsExecutionRole {
        code: "ECS-SEC-014",
        name: "task-role-same-as-execution-role",
        category: Security,
        severity: Warning,
        since: "0.1.0",
        summary: "the task role and the execution role are the same role",
    }
}

impl Rule for TaskRoleSameAsExecutionRole {
    fn check(&self, _task: &TaskDefinition<'_>, _cx: &mut LintContext<'_>) {}
}
