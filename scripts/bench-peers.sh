#!/usr/bin/env bash
# Benchmark ecslint against cfn-lint and checkov, side by side, on the same CloudFormation
# templates (default: the 159 templates of ../shared/corpus/cloudformation).
#
# Usage (from anywhere; paths are relative to the repository root):
#   scripts/bench-peers.sh
#
# Steps:
#   1. create a venv in target/peer-venv (kept between runs; it is under the gitignored
#      target/) and pip-install the pinned peers: cfn-lint==$CFN_LINT_VERSION and
#      checkov==$CHECKOV_VERSION;
#   2. cargo build --release (ecslint);
#   3. time one invocation of each tool over the whole folder:
#        ecslint  check --format json DIR                                (exit 1 = findings, fine)
#        cfn-lint -f json -- DIR/*                                       (exit 2/4/6/... = findings)
#        checkov  -d DIR --framework cloudformation -o json --quiet --skip-download
#      with hyperfine (--warmup 1 --runs 5 for ecslint, --runs 3 for the slow peers;
#      markdown and JSON exports in target/bench-peers.{md,json}), or with a small Python
#      timing loop when hyperfine is missing and cannot be installed with apt;
#   4. print a table: tool, version, mean and min wall time, runs, ratio peer/ecslint, and the
#      number of templates processed and findings from one extra run of each tool.
# The table is also written to target/bench-peers-summary.md.
#
# checkov runs offline: BC_API_KEY, BC_API_URL and PRISMA_API_URL are unset, --skip-download keeps
# it from fetching guidelines/policies, BC_SKIP_MAPPING=TRUE and CKV_SKIP_PACKAGE_UPDATE_CHECK=TRUE
# stop the mapping download and the PyPI version check.
#
# Environment overrides:
#   PEER_CORPUS=DIR        templates to lint (default ../shared/corpus/cloudformation)
#   ECSLINT=path/to/bin    ecslint binary (default target/release/ecslint)
#   SKIP_BUILD=1           do not run cargo build (use with ECSLINT=target/debug/ecslint)
#   SKIP_ECSLINT=1         do not measure ecslint (no ratio column then)
#   SKIP_CFN_LINT=1 / SKIP_CHECKOV=1   leave out a peer
#   PEER_RUNS=N            runs for the peers (default 3); ECSLINT_RUNS=N (default 5)
#   PEER_VENV=DIR          venv location (default target/peer-venv)
#   NO_HYPERFINE=1         use the Python timing loop even when hyperfine is installed
set -euo pipefail

export LC_ALL=C # decimal points, not commas

CFN_LINT_VERSION="1.58.0"
CHECKOV_VERSION="3.3.30"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CORPUS="${PEER_CORPUS:-../shared/corpus/cloudformation}"
BIN="${ECSLINT:-target/release/ecslint}"
VENV="${PEER_VENV:-target/peer-venv}"
PEER_RUNS="${PEER_RUNS:-3}"
ECSLINT_RUNS="${ECSLINT_RUNS:-5}"
OUT_MD="target/bench-peers.md"
OUT_JSON="target/bench-peers.json"
SUMMARY="target/bench-peers-summary.md"
COUNTS="target/bench-peers-counts.tsv"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

command -v python3 >/dev/null 2>&1 || die "python3 is required (venv, statistics)"
[ -d "$CORPUS" ] || die "corpus folder not found: $CORPUS (set PEER_CORPUS)"
CORPUS="$(cd "$CORPUS" && pwd)"
mkdir -p target

# ---- 1. peers in a venv -----------------------------------------------------------------
if [ ! -x "$VENV/bin/python" ]; then
    log "creating venv $VENV"
    python3 -m venv "$VENV"
fi
want="cfn-lint==$CFN_LINT_VERSION checkov==$CHECKOV_VERSION"
have="$("$VENV/bin/python" -m pip freeze 2>/dev/null | grep -iE '^(cfn-lint|checkov)==' | tr '\n' ' ' || true)"
if ! { grep -qi "cfn-lint==$CFN_LINT_VERSION" <<<"$have" && grep -qi "checkov==$CHECKOV_VERSION" <<<"$have"; }; then
    log "pip install $want (into $VENV)"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    # shellcheck disable=SC2086
    "$VENV/bin/python" -m pip install --quiet $want
fi
CFN_LINT="$VENV/bin/cfn-lint"
CHECKOV="$VENV/bin/checkov"

# checkov offline: no API key (nothing is sent to Prisma Cloud), --skip-download on the command
# line (no guidelines/custom policies fetched), no mapping download, no PyPI update check.
unset BC_API_KEY BC_API_URL PRISMA_API_URL 2>/dev/null || true
export BC_SKIP_MAPPING=TRUE
export CKV_SKIP_PACKAGE_UPDATE_CHECK=TRUE

# ---- 2. ecslint -------------------------------------------------------------------------
if [ -z "${SKIP_ECSLINT:-}" ]; then
    if [ -z "${SKIP_BUILD:-}" ]; then
        log "cargo build --release"
        cargo build --release --quiet
    fi
    [ -x "$BIN" ] || die "ecslint binary not found: $BIN (set ECSLINT, or SKIP_ECSLINT=1)"
fi

# ---- 3. commands ------------------------------------------------------------------------
# One shell command line per tool; each exits 0 whatever the findings (a crash would show in
# the counts run below). Templates are passed explicitly to cfn-lint (it takes files, not a
# folder); the folder holds .json/.yaml/.yml/.template files.
q() { printf '%q' "$1"; }
names=(); cmds=(); runs=(); versions=()
if [ -z "${SKIP_ECSLINT:-}" ]; then
    names+=(ecslint)
    cmds+=("$(q "$BIN") check --format json $(q "$CORPUS") >/dev/null 2>&1 || [ \$? -eq 1 ]")
    runs+=("$ECSLINT_RUNS")
    versions+=("$("$BIN" --version 2>/dev/null | head -1 || echo '?')")
fi
if [ -z "${SKIP_CFN_LINT:-}" ]; then
    names+=(cfn-lint)
    cmds+=("$(q "$CFN_LINT") -f json -- $(q "$CORPUS")/* >/dev/null 2>&1 || true")
    runs+=("$PEER_RUNS")
    versions+=("$("$CFN_LINT" --version 2>/dev/null | head -1)")
fi
if [ -z "${SKIP_CHECKOV:-}" ]; then
    names+=(checkov)
    cmds+=("$(q "$CHECKOV") -d $(q "$CORPUS") --framework cloudformation -o json --quiet --skip-download >/dev/null 2>&1 || true")
    runs+=("$PEER_RUNS")
    versions+=("checkov $("$CHECKOV" --version 2>/dev/null | head -1)")
fi
[ "${#names[@]}" -gt 0 ] || die "nothing to measure"

ntemplates="$(find "$CORPUS" -maxdepth 1 -type f | wc -l | tr -d ' ')"
log "corpus: $CORPUS ($ntemplates files), nproc=$(nproc)"
for i in "${!names[@]}"; do log "${names[$i]} (${versions[$i]}): ${cmds[$i]}"; done

# ---- 4. timing --------------------------------------------------------------------------
if [ -z "${NO_HYPERFINE:-}" ] && ! command -v hyperfine >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    log "installing hyperfine with apt"
    { apt-get update -qq && apt-get install -y -qq hyperfine; } >/dev/null 2>&1 || log "apt could not install hyperfine; using the Python timing loop"
fi

TIMES="target/bench-peers-times.tsv" # tool, mean, min, max, runs, mean user CPU
: >"$TIMES"
if [ -z "${NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null 2>&1; then
    : >"$OUT_MD"
    parts=()
    for i in "${!names[@]}"; do
        warm=1; [ "${names[$i]}" = ecslint ] || warm=0
        log "hyperfine ${names[$i]}: --warmup $warm --runs ${runs[$i]}"
        hyperfine --style basic --shell bash --warmup "$warm" --runs "${runs[$i]}" \
            --command-name "${names[$i]}" \
            --export-markdown "target/bench-peers-${names[$i]}.md" \
            --export-json "target/bench-peers-${names[$i]}.json" \
            "${cmds[$i]}" >&2
        cat "target/bench-peers-${names[$i]}.md" >>"$OUT_MD"
        parts+=("target/bench-peers-${names[$i]}.json")
    done
    python3 - "$OUT_JSON" "$TIMES" "${parts[@]}" <<'PY'
import json, sys
out, times, parts = sys.argv[1], sys.argv[2], sys.argv[3:]
results = []
for p in parts:
    results += json.load(open(p))["results"]
json.dump({"results": results}, open(out, "w"), indent=2)
with open(times, "w") as f:
    for r in results:
        f.write(f"{r['command']}\t{r['mean']}\t{r['min']}\t{r['max']}\t{len(r['times'])}\t{r.get('user', '')}\n")
PY
else
    log "hyperfine not available: Python timing loop"
    args=()
    for i in "${!names[@]}"; do args+=("${names[$i]}" "${runs[$i]}" "${cmds[$i]}"); done
    python3 - "$OUT_JSON" "$OUT_MD" "$TIMES" "${args[@]}" <<'PY'
import json, resource, statistics, subprocess, sys, time
out_json, out_md, times = sys.argv[1:4]
a = sys.argv[4:]
results = []
for name, runs, cmd in zip(a[0::3], a[1::3], a[2::3]):
    if name == "ecslint":
        subprocess.run(["bash", "-c", cmd])  # warm-up
    ts = []
    u0 = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    for _ in range(int(runs)):
        t = time.perf_counter(); subprocess.run(["bash", "-c", cmd]); ts.append(time.perf_counter() - t)
    user = (resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - u0) / int(runs)
    results.append({"command": name, "mean": statistics.mean(ts), "min": min(ts), "max": max(ts), "user": user,
                    "stddev": statistics.stdev(ts) if len(ts) > 1 else 0.0, "times": ts})
json.dump({"results": results}, open(out_json, "w"), indent=2)
with open(out_md, "w") as f:
    f.write("| Command | Mean [s] | Min [s] | Max [s] |\n|:---|---:|---:|---:|\n")
    for r in results:
        f.write(f"| `{r['command']}` | {r['mean']:.3f} ± {r['stddev']:.3f} | {r['min']:.3f} | {r['max']:.3f} |\n")
with open(times, "w") as f:
    for r in results:
        f.write(f"{r['command']}\t{r['mean']}\t{r['min']}\t{r['max']}\t{len(r['times'])}\t{r['user']}\n")
PY
fi

# ---- 5. templates processed / findings (one extra, untimed run each) ---------------------
: >"$COUNTS"
for i in "${!names[@]}"; do
    name="${names[$i]}"; raw="target/bench-peers-${name}.out.json"
    case "$name" in
        ecslint)  "$BIN" check --format json "$CORPUS" >"$raw" 2>/dev/null || true ;;
        cfn-lint) "$CFN_LINT" -f json -- "$CORPUS"/* >"$raw" 2>/dev/null || true ;;
        checkov)  "$CHECKOV" -d "$CORPUS" --framework cloudformation -o json --quiet --skip-download >"$raw" 2>/dev/null || true ;;
    esac
    python3 - "$name" "$raw" "$ntemplates" >>"$COUNTS" <<'PY'
import json, sys
name, path, n = sys.argv[1], sys.argv[2], sys.argv[3]
try:
    d = json.load(open(path))
except Exception:
    print(f"{name}\t?\t?\tunreadable output"); sys.exit()
if name == "cfn-lint":
    files = {m.get("Filename") for m in d}
    print(f"{name}\t{n} given, {len(files)} with matches\t{len(d)} matches\t")
elif name == "checkov":
    reps = d if isinstance(d, list) else [d]
    s = {}
    for r in reps:
        for k, v in (r.get("summary") or {}).items():
            if isinstance(v, int): s[k] = s.get(k, 0) + v
    print(f"{name}\t{s.get('resource_count','?')} resources, {s.get('parsing_errors','?')} parse errors\t"
          f"{s.get('failed','?')} failed checks ({s.get('passed','?')} passed)\t")
else:  # ecslint: {"version", "diagnostics": [...], "summary": {"files", "errors", "warnings", ...}}
    s = d.get("summary", {}) if isinstance(d, dict) else {}
    diags = d.get("diagnostics", []) if isinstance(d, dict) else []
    print(f"{name}\t{s.get('files', '?')} files checked\t{len(diags)} diagnostics "
          f"({s.get('errors', '?')} errors, {s.get('warnings', '?')} warnings)\t")
PY
done

# ---- 6. table ---------------------------------------------------------------------------
python3 - "$TIMES" "$COUNTS" "$(nproc)" "$CORPUS" "$ntemplates" "${names[@]}" -- "${versions[@]}" >"$SUMMARY" <<'PY'
import sys
times_path, counts_path, nproc, corpus, ntemplates = sys.argv[1:6]
rest = sys.argv[6:]
sep = rest.index("--")
names, versions = rest[:sep], rest[sep + 1:]
ver = dict(zip(names, versions))
t = {}
for line in open(times_path):
    c, mean, mn, mx, runs, user = line.rstrip("\n").split("\t")
    t[c] = (float(mean), float(mn), float(mx), int(runs), float(user) if user else None)
cnt = {}
for line in open(counts_path):
    f = line.rstrip("\n").split("\t")
    cnt[f[0]] = f[1:3]
base = t.get("ecslint", (None,))[0]
load = open("/proc/loadavg").read().split()[0] if __import__("os").path.exists("/proc/loadavg") else "?"
print(f"Corpus: {corpus} ({ntemplates} files); machine: nproc={nproc}, load average at the end {load}\n")
print("| tool | version | mean [s] | min [s] | user CPU [s] | runs | peer/ecslint (mean) | processed | findings |")
print("|:---|:---|---:|---:|---:|---:|---:|:---|:---|")
for n in names:
    if n not in t: continue
    mean, mn, mx, runs, user = t[n]
    ratio = f"{mean / base:.1f}x" if base and n != "ecslint" else ("1.0x" if n == "ecslint" else "n/a")
    p, fnd = (cnt.get(n) or ["?", "?"])[:2]
    us = f"{user:.3f}" if user is not None else "?"
    print(f"| {n} | {ver.get(n,'?')} | {mean:.3f} | {mn:.3f} | {us} | {runs} | {ratio} | {p} | {fnd} |")
if "ecslint" in cnt and cnt["ecslint"][0].startswith("0 "):
    print("\nWARNING: ecslint checked 0 files of this corpus (a build without CloudFormation input?): "
          "the ratios are meaningless.")
PY
cat "$SUMMARY"
log "written: $SUMMARY, $OUT_MD, $OUT_JSON"
