#!/usr/bin/env bash
# The resident stack against one-shot stacks, measured on this machine (issue 9's figures):
#   1. N one-shot runs (no resident stack up): wall time of each run_pipeline.sh
#   2. bin/inttest up, then N runs through run_pipeline.sh attached to it
#   3. C runs at once on the resident stack, for each C of --concurrency: runs per hour against sequential
#   4. down + up: the reporter's history still has every run
# Prints medians (and min-max) and a table; every run's results file and log is kept in --out.
#
#   bash bench/resident.sh [--runs N] [--concurrency 2,4] [--skip-oneshot] [--out DIR]
set -uo pipefail

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=3
CONCURRENCY="2,4"
ONESHOT=1
OUT="${TMPDIR:-/tmp}/inttest-resident-$(date +%s)"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --concurrency) CONCURRENCY="$2"; shift 2 ;;
    --skip-oneshot) ONESHOT=0; shift ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) echo "resident.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "resident.sh: --runs needs a positive number" >&2; exit 2; }
command -v python3 >/dev/null || { echo "resident.sh: needs python3" >&2; exit 2; }
mkdir -p "$OUT"
INTTEST=("$ROOT/bin/inttest")
PIPELINE=(bash "$ROOT/infra/inttest/run_pipeline.sh")
now() { date +%s.%N; }
TIMES="$OUT/times.tsv"   # kind <tab> seconds <tab> exit code <tab> passed/total
: > "$TIMES"

summary_of() { # results file -> passed/total
  python3 - "$1" <<'PY'
import json, sys
try:
    tests = json.load(open(sys.argv[1])).get("tests", {})
    print(f"{tests.get('passed', '?')}/{tests.get('total', '?')}")
except Exception:
    print("-")
PY
}

one_run() { # kind index -> appends a line to TIMES
  local kind="$1" i="$2" t0 t1 rc
  t0=$(now)
  "${PIPELINE[@]}" --results-file "$OUT/$kind-$i.json" > "$OUT/$kind-$i.log" 2>&1
  rc=$?
  t1=$(now)
  printf '%s\t%.1f\t%d\t%s\n' "$kind" "$(echo "$t1 - $t0" | bc)" "$rc" "$(summary_of "$OUT/$kind-$i.json")" >> "$TIMES"
  tail -1 "$TIMES" | sed 's/^/  /'
}

reporter_url() { "${INTTEST[@]}" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["reporter_url"])'; }
history_total() { curl -fsS "$(reporter_url)/api/runs?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }

"${INTTEST[@]}" status >/dev/null 2>&1 && { echo "resident.sh: a resident stack is up; bin/inttest down first" >&2; exit 2; }
"${PIPELINE[@]}" --help >/dev/null   # builds on first use

if (( ONESHOT )); then
  echo "== $RUNS one-shot runs"
  for i in $(seq 1 "$RUNS"); do one_run oneshot "$i"; done
fi

echo "== bin/inttest up"
t0=$(now); "${INTTEST[@]}" up > "$OUT/up-1.log" 2>&1 || { cat "$OUT/up-1.log"; exit 1; }; t1=$(now)
printf 'up\t%.1f\t0\t-\n' "$(echo "$t1 - $t0" | bc)" >> "$TIMES"; tail -1 "$TIMES" | sed 's/^/  /'
trap '"${INTTEST[@]}" down >/dev/null 2>&1' EXIT

echo "== $RUNS runs attached to the resident stack"
for i in $(seq 1 "$RUNS"); do one_run resident "$i"; done

for c in ${CONCURRENCY//,/ }; do
  echo "== $c runs at once on the resident stack"
  t0=$(now)
  for i in $(seq 1 "$c"); do one_run "concurrent$c" "$i" & done
  wait
  t1=$(now)
  printf 'batch%s\t%.1f\t0\t-\n' "$c" "$(echo "$t1 - $t0" | bc)" >> "$TIMES"; tail -1 "$TIMES" | sed 's/^/  /'
done

before=$(history_total)
echo "== down + up (history before: $before runs)"
t0=$(now); "${INTTEST[@]}" down > "$OUT/down.log" 2>&1; t1=$(now)
printf 'down\t%.1f\t0\t-\n' "$(echo "$t1 - $t0" | bc)" >> "$TIMES"; tail -1 "$TIMES" | sed 's/^/  /'
"${INTTEST[@]}" up > "$OUT/up-2.log" 2>&1 || { cat "$OUT/up-2.log"; exit 1; }
after=$(history_total)
echo "  history after down + up: $after runs (before: $before)"
"${INTTEST[@]}" down > /dev/null 2>&1
trap - EXIT

python3 - "$TIMES" "$CONCURRENCY" "$before" "$after" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
def secs(kind): return [float(r[1]) for r in rows if r[0] == kind]
def ok(kind): return sum(1 for r in rows if r[0] == kind and r[2] == "0")
def line(label, xs, n):
    if not xs: return
    print(f"| {label} | {len(xs)} | {statistics.median(xs):.1f} | {min(xs):.1f}-{max(xs):.1f} | {n}/{len(xs)} |")
print()
print("| measure | runs | median s | min-max s | exit 0 |")
print("|---|---|---|---|---|")
line("one-shot run (run_pipeline.sh)", secs("oneshot"), ok("oneshot"))
line("bin/inttest up", secs("up"), len(secs("up")))
line("run attached to the resident stack", secs("resident"), ok("resident"))
for c in sys.argv[2].split(","):
    line(f"one of {c} concurrent runs", secs(f"concurrent{c}"), ok(f"concurrent{c}"))
line("bin/inttest down", secs("down"), len(secs("down")))
seq = statistics.median(secs("resident")) if secs("resident") else None
if seq:
    print()
    print(f"sequential on the resident stack: {3600 / seq:.0f} runs/h (median {seq:.1f} s per run)")
    if secs("oneshot"):
        print(f"resident / one-shot median: {seq / statistics.median(secs('oneshot')):.2f}")
    for c in sys.argv[2].split(","):
        b = secs(f"batch{c}")
        if b:
            rate = int(c) * 3600 / b[0]
            print(f"{c} at once: {b[0]:.1f} s for {c} runs = {rate:.0f} runs/h = {rate / (3600 / seq):.2f}x sequential")
print(f"history: {sys.argv[3]} runs before down + up, {sys.argv[4]} after")
PY
echo "results and logs: $OUT"
