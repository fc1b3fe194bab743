#!/usr/bin/env bash
# Benchmark ecslint on a generated corpus of 10,000 task definitions and on one small file.
#
# Usage (from anywhere; paths are relative to the repository root):
#   scripts/bench.sh
#
# Steps: cargo build --release; generate target/bench-corpus once (delete it to regenerate);
# copy examples/good/fargate-web.json to target/bench-one.json; then measure
#   1. wall time of `ecslint check --format json target/bench-corpus` (2 warm-ups, 10 runs),
#   2. wall time of `ecslint check target/bench-one.json` (20 runs, best and median),
#   3. peak RSS of the corpus run.
# Uses hyperfine when installed (markdown and JSON exports in target/), otherwise a timing
# loop plus /usr/bin/time (or Python's resource module) for the peak RSS.
# The summary is printed and written to target/bench-summary.md.
#
# Environment overrides, mainly for testing this script:
#   ECSLINT=path/to/binary   binary to measure (default target/release/ecslint)
#   SKIP_BUILD=1             do not run cargo build
#   BENCH_COUNT=N            corpus size when generating it (default 10000)
set -euo pipefail

export LC_ALL=C # decimal points, not commas, in every number below

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BIN="${ECSLINT:-target/release/ecslint}"
CORPUS="target/bench-corpus"
ONE="target/bench-one.json"
COUNT="${BENCH_COUNT:-10000}"
CORPUS_RUNS=10
CORPUS_WARMUP=2
ONE_RUNS=20
SUMMARY="target/bench-summary.md"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

command -v python3 >/dev/null 2>&1 || die "python3 is required (corpus generator, statistics)"

# --- build ------------------------------------------------------------------------------
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    log "cargo build --release"
    cargo build --release
fi
[[ -x "$BIN" ]] || die "$BIN not found or not executable"

# --- inputs -----------------------------------------------------------------------------
mkdir -p target
if [[ ! -d "$CORPUS" ]]; then
    log "generating $COUNT task definitions into $CORPUS"
    # Generate into a temporary folder first so an interrupted run leaves no half corpus.
    rm -rf "$CORPUS.tmp"
    python3 scripts/gen_bench_corpus.py "$CORPUS.tmp" --count "$COUNT"
    mv "$CORPUS.tmp" "$CORPUS"
else
    log "reusing $CORPUS (delete it to regenerate)"
fi
cp examples/good/fargate-web.json "$ONE"

FILES=$(find "$CORPUS" -type f -name '*.json' | wc -l | tr -d ' ')
BYTES=$(find "$CORPUS" -type f -name '*.json' -print0 | xargs -0 cat | wc -c | tr -d ' ')
TOTAL_MB=$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1000000 }')
if command -v nproc >/dev/null 2>&1; then
    CPUS=$(nproc)
else
    CPUS=$(sysctl -n hw.ncpu 2>/dev/null || echo "?")
fi

CORPUS_CMD=("$BIN" check --format json "$CORPUS")
ONE_CMD=("$BIN" check "$ONE")

# Sanity run: exit 0 (clean) or 1 (findings) is expected; anything else is a broken binary,
# and timing it would be meaningless.
check_exit() {
    local rc=0
    "$@" >/dev/null 2>target/bench-stderr.txt || rc=$?
    if (( rc > 1 )); then
        printf 'error: `%s` exited with %d (expected 0 or 1); stderr:\n' "$*" "$rc" >&2
        head -n 20 target/bench-stderr.txt >&2
        exit 1
    fi
}
log "sanity runs"
check_exit "${CORPUS_CMD[@]}"
check_exit "${ONE_CMD[@]}"

# Statistics over a file of seconds, one per line: prints "min median".
stats() {
    python3 - "$1" <<'PY'
import statistics, sys
xs = [float(line) for line in open(sys.argv[1]) if line.strip()]
print("%.6f %.6f" % (min(xs), statistics.median(xs)))
PY
}

# hyperfine JSON export -> "min median".
hyperfine_stats() {
    python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%.6f %.6f" % (r["min"], r["median"]))
PY
}

now() {
    if [[ -n "${EPOCHREALTIME:-}" ]]; then
        printf '%s\n' "$EPOCHREALTIME"
    else
        date +%s.%N
    fi
}

# Run a command N times (output discarded, exit code ignored); append seconds to a file.
time_loop() {
    local runs=$1 out=$2 start end i
    shift 2
    for ((i = 0; i < runs; i++)); do
        start=$(now)
        "$@" >/dev/null 2>&1 || true
        end=$(now)
        awk -v s="$start" -v e="$end" 'BEGIN { printf "%.6f\n", e - s }' >>"$out"
    done
}

# --- 1 and 2: wall time -------------------------------------------------------------------
if command -v hyperfine >/dev/null 2>&1; then
    METHOD="hyperfine $(hyperfine --version | awk '{print $2}')"
    log "timing the corpus run with hyperfine"
    hyperfine --warmup "$CORPUS_WARMUP" --runs "$CORPUS_RUNS" -i \
        --export-markdown target/bench-corpus.md --export-json target/bench-corpus.json \
        "${CORPUS_CMD[*]}"
    read -r CORPUS_MIN CORPUS_MEDIAN < <(hyperfine_stats target/bench-corpus.json)

    log "timing one small file with hyperfine"
    # -N (no intermediate shell) matters for a command this short; older hyperfine lacks it.
    NOSHELL=()
    if hyperfine -N --runs 2 --style none true >/dev/null 2>&1; then NOSHELL=(-N); fi
    hyperfine --warmup 3 --runs "$ONE_RUNS" -i ${NOSHELL[@]+"${NOSHELL[@]}"} \
        --export-markdown target/bench-one.md --export-json target/bench-one-result.json \
        "${ONE_CMD[*]}"
    read -r ONE_MIN ONE_MEDIAN < <(hyperfine_stats target/bench-one-result.json)
else
    METHOD="timing loop (hyperfine not installed)"
    log "hyperfine not found; timing with a loop"
    rm -f target/bench-corpus-times.txt target/bench-one-times.txt target/bench-warmup.txt
    time_loop "$CORPUS_WARMUP" target/bench-warmup.txt "${CORPUS_CMD[@]}"
    time_loop "$CORPUS_RUNS" target/bench-corpus-times.txt "${CORPUS_CMD[@]}"
    read -r CORPUS_MIN CORPUS_MEDIAN < <(stats target/bench-corpus-times.txt)
    time_loop 3 target/bench-warmup.txt "${ONE_CMD[@]}"
    time_loop "$ONE_RUNS" target/bench-one-times.txt "${ONE_CMD[@]}"
    read -r ONE_MIN ONE_MEDIAN < <(stats target/bench-one-times.txt)
    rm -f target/bench-warmup.txt
fi

# --- 3: peak RSS of the corpus run ---------------------------------------------------------
log "measuring peak RSS of the corpus run"
RSS_KB=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%M' -o /dev/null true 2>/dev/null; then
    # GNU time. With a nonzero exit it first writes "Command exited with non-zero status 1",
    # so the figure is on the last line.
    /usr/bin/time -f '%e %M' -o target/bench-time.txt "${CORPUS_CMD[@]}" >/dev/null 2>&1 || true
    RSS_KB=$(tail -n 1 target/bench-time.txt | awk '{print $2}')
    RSS_METHOD="/usr/bin/time"
fi
if [[ -z "$RSS_KB" ]]; then
    RSS_KB=$(python3 - "${CORPUS_CMD[@]}" <<'PY'
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(rss // 1024 if sys.platform == "darwin" else rss)  # bytes on macOS, KiB on Linux
PY
)
    RSS_METHOD="python resource"
fi
RSS_MB=$(awk -v k="$RSS_KB" 'BEGIN { printf "%.1f", k / 1024 }')

# --- summary ------------------------------------------------------------------------------
ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
secs() { awk -v s="$1" 'BEGIN { printf "%.3f s", s }'; }
FILES_PER_S=$(awk -v n="$FILES" -v s="$CORPUS_MEDIAN" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }')

{
    printf '| metric | value |\n'
    printf '| --- | --- |\n'
    printf '| files | %s |\n' "$FILES"
    printf '| total size | %s MB |\n' "$TOTAL_MB"
    printf '| wall, %s files (median of %d; best) | %s (best %s) |\n' "$FILES" "$CORPUS_RUNS" "$(secs "$CORPUS_MEDIAN")" "$(secs "$CORPUS_MIN")"
    printf '| throughput | %s files/s |\n' "$FILES_PER_S"
    printf '| wall, one file (median of %d; best) | %s (best %s) |\n' "$ONE_RUNS" "$(ms "$ONE_MEDIAN")" "$(ms "$ONE_MIN")"
    printf '| peak RSS, %s files | %s MB |\n' "$FILES" "$RSS_MB"
    printf '| machine | %s CPUs (nproc), %s |\n' "$CPUS" "$(uname -sm)"
    printf '| method | %s; RSS via %s |\n' "$METHOD" "$RSS_METHOD"
} | tee "$SUMMARY"
log "summary written to $SUMMARY"
