#!/usr/bin/env bash
# End-to-end test of the pre-commit hook with the real `pre-commit` from PyPI: a throwaway git
# repository with a bad and a good task definition and CloudFormation template; the bad ones must
# fail the hook, the good ones (and unrelated JSON and YAML) must pass. Skipped cleanly when pip or
# PyPI is unavailable.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if ! python3 -m venv "$WORK/venv" >/dev/null 2>&1 || ! "$WORK/venv/bin/pip" install -q pre-commit >/dev/null 2>&1; then
    echo "skipped: cannot install pre-commit from PyPI"
    exit 0
fi
export PATH="$WORK/venv/bin:$PATH"
export PRE_COMMIT_HOME="$WORK/cache"

mkdir "$WORK/repo" && cd "$WORK/repo"
git init -q
git config user.email ci@example.com
git config user.name ci
cat > good.json <<'JSON'
{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [{ "name": "app", "image": "public.ecr.aws/nginx/nginx:1.27" }]
}
JSON
sed 's/"memory": "512"/"memory": "4096"/' good.json > bad.json
printf '{ // not ECS, with a comment\n}\n' > tsconfig.json
printf 'on: [push]\njobs: {build: {runs-on: ubuntu-latest, steps: [{run: "true"}]}}\n' > workflow.yml
cat > good-stack.yaml <<'YAML'
Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: !Ref Cpu
      Memory: '512'
      ContainerDefinitions:
        - Name: app
          Image: public.ecr.aws/nginx/nginx:1.27
Parameters:
  Cpu: {Type: Number, Default: 256}
YAML
sed 's/Default: 256/Default: 1024/' good-stack.yaml > bad-stack.yaml
git add good.json bad.json tsconfig.json workflow.yml good-stack.yaml bad-stack.yaml

echo "==> the good task definition and template (and unrelated JSON and YAML files) pass the hook"
pre-commit try-repo "$ROOT" ecslint --files good.json tsconfig.json workflow.yml good-stack.yaml

echo "==> the bad template fails the hook"
if pre-commit try-repo "$ROOT" ecslint --files bad-stack.yaml >"$WORK/bad-stack.log" 2>&1; then
    cat "$WORK/bad-stack.log"
    echo "FAIL: the hook passed on a template with an invalid Fargate size"
    exit 1
fi
grep -q "Default\` of parameter \`Cpu\`" "$WORK/bad-stack.log" || { cat "$WORK/bad-stack.log"; echo "FAIL: the finding does not name the parameter default"; exit 1; }

echo "==> the bad task definition fails the hook"
if pre-commit try-repo "$ROOT" ecslint --files bad.json >"$WORK/bad.log" 2>&1; then
    cat "$WORK/bad.log"
    echo "FAIL: the hook passed on an invalid Fargate size"
    exit 1
fi
grep -q "ECS-COR-001" "$WORK/bad.log" || { cat "$WORK/bad.log"; echo "FAIL: no ECS-COR-001 in the hook output"; exit 1; }
echo "pre-commit hook: ok"
