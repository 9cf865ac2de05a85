#!/usr/bin/env bash
# Throughput of the resident stack with 1, 2 and 4 runs at once (issue 12):
#   bin/inttest up (unless a resident stack is up already), then for each C of --concurrency, batches of C runs
#   started together through run_pipeline.sh; a batch's throughput is C runs over its wall time (first start to last
#   exit). Batches per C: enough for at least --min-runs runs (5: 5 batches of 1, 3 of 2, 2 of 4).
# Prints per C the median and min-max of runs per hour over its batches, each run's wall time, the runs that exited 0,
# and the median throughput against C=1 (sequential).
#
#   bash bench/concurrency.sh [--concurrency 1,2,4] [--min-runs N] [--out DIR]
set -uo pipefail

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
CONCURRENCY="1,2,4"
MIN_RUNS=5
OUT="${TMPDIR:-/tmp}/inttest-concurrency-$(date +%s)"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --concurrency) CONCURRENCY="${2:-}"; shift 2 ;;
    --min-runs) MIN_RUNS="${2:-}"; shift 2 ;;
    --out) OUT="${2:-}"; shift 2 ;;
    -h|--help) sed -n 2,9p "$0"; exit 0 ;;
    *) echo "concurrency.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$CONCURRENCY" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || { echo "concurrency.sh: --concurrency is a list like 1,2,4" >&2; exit 2; }
[[ "$MIN_RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "concurrency.sh: --min-runs needs a positive number" >&2; exit 2; }
command -v python3 >/dev/null || { echo "concurrency.sh: needs python3" >&2; exit 2; }
mkdir -p "$OUT"
INTTEST=("$ROOT/bin/inttest")
PIPELINE=(bash "$ROOT/infra/inttest/run_pipeline.sh")
"${PIPELINE[@]}" --help >/dev/null   # builds on first use
now() { date +%s.%N; }

if ! "${INTTEST[@]}" status >/dev/null 2>&1; then
  echo "== bin/inttest up"
  "${INTTEST[@]}" up > "$OUT/up.log" 2>&1 || { cat "$OUT/up.log"; exit 1; }
  trap '"${INTTEST[@]}" down >/dev/null 2>&1' EXIT
fi

TIMES="$OUT/times.tsv"   # kind <tab> concurrency <tab> seconds <tab> exit code
: > "$TIMES"
one_run() { # concurrency batch index
  local t0 t1 rc name="c$1-b$2-r$3"
  t0=$(now)
  "${PIPELINE[@]}" --results-file "$OUT/$name.json" > "$OUT/$name.log" 2>&1
  rc=$?
  t1=$(now)
  printf 'run\t%s\t%.1f\t%d\n' "$1" "$(echo "$t1 - $t0" | bc)" "$rc" >> "$TIMES"
}

for c in ${CONCURRENCY//,/ }; do
  batches=$(( (MIN_RUNS + c - 1) / c ))
  echo "== $batches batch(es) of $c run(s) at once"
  for b in $(seq 1 "$batches"); do
    t0=$(now)
    for i in $(seq 1 "$c"); do one_run "$c" "$b" "$i" & done
    wait
    t1=$(now)
    printf 'batch\t%s\t%.1f\t0\n' "$c" "$(echo "$t1 - $t0" | bc)" >> "$TIMES"
    printf '  batch %d: %.1f s\n' "$b" "$(echo "$t1 - $t0" | bc)"
  done
done

python3 - "$TIMES" "$CONCURRENCY" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
levels = [int(c) for c in sys.argv[2].split(",")]
print()
print("| runs at once | batches | runs/h median | runs/h min-max | a run's wall s, median (min-max) | exit 0 | vs 1 at once |")
print("|---|---|---|---|---|---|---|")
base = None
for c in levels:
    batches = [float(r[2]) for r in rows if r[0] == "batch" and int(r[1]) == c]
    runs = [r for r in rows if r[0] == "run" and int(r[1]) == c]
    if not batches:
        continue
    rates = [c * 3600 / b for b in batches]
    walls = [float(r[2]) for r in runs]
    ok = sum(1 for r in runs if r[3] == "0")
    median = statistics.median(rates)
    base = median if c == 1 else base
    ratio = f"{median / base:.2f}x" if base else "-"
    print(f"| {c} | {len(batches)} | {median:.0f} | {min(rates):.0f}-{max(rates):.0f} | "
          f"{statistics.median(walls):.1f} ({min(walls):.1f}-{max(walls):.1f}) | {ok}/{len(runs)} | {ratio} |")
PY
echo "results and logs: $OUT"
