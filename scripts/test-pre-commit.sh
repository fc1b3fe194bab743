#!/usr/bin/env bash
# End-to-end test of the pre-commit hook with the real `pre-commit` from PyPI: a throwaway git
# repository with a bad and a good task definition; the bad one must fail the hook, the good one
# must pass. Skipped cleanly when pip or PyPI is unavailable.
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
git add good.json bad.json tsconfig.json

echo "==> the good task definition (and an unrelated JSON file) pass the hook"
pre-commit try-repo "$ROOT" ecslint --files good.json tsconfig.json

echo "==> the bad task definition fails the hook"
if pre-commit try-repo "$ROOT" ecslint --files bad.json >"$WORK/bad.log" 2>&1; then
    cat "$WORK/bad.log"
    echo "FAIL: the hook passed on an invalid Fargate size"
    exit 1
fi
grep -q "ECS-COR-001" "$WORK/bad.log" || { cat "$WORK/bad.log"; echo "FAIL: no ECS-COR-001 in the hook output"; exit 1; }
echo "pre-commit hook: ok"
