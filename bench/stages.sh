#!/usr/bin/env bash
# Wall time of whole runs split by stage, and the stage hand-offs, over several runs (issue 12's first table):
#   oneshot:  each run starts and stops its own stack (bash infra/inttest/run_pipeline.sh, no resident stack up)
#   resident: bin/inttest up once, then each run attaches to it
# Prints per stage the median and min-max of its duration, the runs' wall time (the command, start to exit) and the
# hand-offs (a stage's stage.completed to the next stage's stage.started, from the results' timestamps), p50 / p99.
#
#   bash bench/stages.sh [--mode oneshot|resident] [--runs N] [--image-tag TAG] [--out DIR]
set -uo pipefail

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
MODE=resident RUNS=5 TAG=latest
OUT="${TMPDIR:-/tmp}/inttest-stages-$(date +%s)"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --mode) MODE="${2:-}"; shift 2 ;;
    --runs) RUNS="${2:-}"; shift 2 ;;
    --image-tag) TAG="${2:-}"; shift 2 ;;
    --out) OUT="${2:-}"; shift 2 ;;
    -h|--help) sed -n 2,8p "$0"; exit 0 ;;
    *) echo "stages.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$MODE" == oneshot || "$MODE" == resident ]] || { echo "stages.sh: --mode is oneshot or resident" >&2; exit 2; }
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "stages.sh: --runs needs a positive number" >&2; exit 2; }
command -v python3 >/dev/null || { echo "stages.sh: needs python3" >&2; exit 2; }
mkdir -p "$OUT"
INTTEST=("$ROOT/bin/inttest")
PIPELINE=(bash "$ROOT/infra/inttest/run_pipeline.sh")
"${PIPELINE[@]}" --help >/dev/null   # builds on first use

if "${INTTEST[@]}" status >/dev/null 2>&1; then
  [[ "$MODE" == resident ]] || { echo "stages.sh: a resident stack is up; bin/inttest down first" >&2; exit 2; }
elif [[ "$MODE" == resident ]]; then
  echo "== bin/inttest up"
  "${INTTEST[@]}" up > "$OUT/up.log" 2>&1 || { cat "$OUT/up.log"; exit 1; }
  trap '"${INTTEST[@]}" down >/dev/null 2>&1' EXIT
fi

: > "$OUT/walls.tsv"
for i in $(seq 1 "$RUNS"); do
  t0=$(date +%s.%N)
  "${PIPELINE[@]}" --image-tag "$TAG" --results-file "$OUT/run-$i.json" > "$OUT/run-$i.log" 2>&1
  rc=$?
  t1=$(date +%s.%N)
  printf '%s\t%s\n' "$(echo "$t1 - $t0" | bc)" "$rc" >> "$OUT/walls.tsv"
  printf '  run %d: %.1f s, exit %d\n' "$i" "$(echo "$t1 - $t0" | bc)" "$rc"
done

python3 - "$OUT" "$RUNS" "$MODE" <<'PY'
import datetime, json, statistics, sys
out, runs, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
order = ["infra_deploy", "seed_data", "service_deploy", "integration_tests", "profiling", "teardown"]
def ts(s): return datetime.datetime.fromisoformat(s.replace("Z", "+00:00")[:26] + "+00:00")
durations = {s: [] for s in order}
handoffs = []
for i in range(1, runs + 1):
    try:
        r = json.load(open(f"{out}/run-{i}.json"))
    except Exception:
        continue
    st = r.get("stages", {})
    for s in order:
        if st.get(s, {}).get("status") == "ok":
            durations[s].append(st[s]["duration_s"])
    for a, b in zip(order, order[1:]):
        if st.get(a, {}).get("completed_at") and st.get(b, {}).get("started_at"):
            handoffs.append((ts(st[b]["started_at"]) - ts(st[a]["completed_at"])).total_seconds() * 1000)
walls = [float(l.split("\t")[0]) for l in open(f"{out}/walls.tsv")]
ok = sum(1 for l in open(f"{out}/walls.tsv") if l.strip().endswith("\t0"))
def row(name, xs, unit="s"):
    if xs:
        print(f"| {name} | {statistics.median(xs):.1f} | {min(xs):.1f}-{max(xs):.1f} |")
print()
print(f"{mode}, {runs} runs, {ok} exit 0")
print("| | median s | min-max s |")
print("|---|---|---|")
row("wall time (the command)", walls)
for s in order:
    row(s, durations[s])
if handoffs:
    h = sorted(handoffs)
    p = lambda q: h[min(len(h) - 1, max(0, int(-(-q * len(h) // 100)) - 1))]
    print(f"\nhand-offs: p50 {p(50):.0f} ms, p99 {p(99):.0f} ms, max {h[-1]:.0f} ms over {len(h)}")
PY
echo "results and logs: $OUT"
