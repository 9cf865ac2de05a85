#!/usr/bin/env bash
# Regression detection shown on real runs (issue 11): on the resident stack, N passing runs of the working tree's
# build make the baseline; then a test build whose /api/companies answers --delay-ms later must be flagged
# (profiling.regressions names the endpoints under that prefix), and one more normal run must not be.
# Prints, per run: exit code, the endpoints' p95 under the prefix, the regressions and the baseline.
#
#   bash bench/regressions.sh [--baseline-runs N] [--delay-ms MS] [--path PREFIX] [--out DIR]
set -uo pipefail

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=5 DELAY_MS=30 PREFIX=/api/companies TAG=slow-companies
OUT="${TMPDIR:-/tmp}/inttest-regressions-$(date +%s)"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --baseline-runs) RUNS="${2:-}"; shift 2 ;;
    --delay-ms) DELAY_MS="${2:-}"; shift 2 ;;
    --path) PREFIX="${2:-}"; shift 2 ;;
    --out) OUT="${2:-}"; shift 2 ;;
    -h|--help) sed -n 2,7p "$0"; exit 0 ;;
    *) echo "regressions.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "regressions.sh: --baseline-runs needs a positive number" >&2; exit 2; }
mkdir -p "$OUT"
INTTEST=("$ROOT/bin/inttest")
PIPELINE=(bash "$ROOT/infra/inttest/run_pipeline.sh")

"${PIPELINE[@]}" --help >/dev/null   # builds on first use
BUILT="${INTTEST_BUILDS_DIR:-$ROOT/.builds}/$TAG/quarkus-app"
if [[ "$(unzip -p "$BUILT"/app/stonks-*.jar META-INF/microprofile-config.properties 2>/dev/null | grep -v '^#' | tr '\n' ' ')" \
      == "stonks.test-build.delay=$(python3 -c "print('PT%.3fS' % ($DELAY_MS / 1000))") stonks.test-build.delay-path=$PREFIX " ]]; then
  echo "test build $TAG: reusing $BUILT"
else
  bash "$ROOT/bench/test-build-with-delay.sh" --tag "$TAG" --delay-ms "$DELAY_MS" --path "$PREFIX" || exit 1
fi
started_stack=0
if ! "${INTTEST[@]}" status >/dev/null 2>&1; then
  echo "== bin/inttest up"
  "${INTTEST[@]}" up > "$OUT/up.log" 2>&1 || { cat "$OUT/up.log"; exit 1; }
  started_stack=1
  trap '"${INTTEST[@]}" down >/dev/null 2>&1' EXIT
fi

report() { # results file, label
  python3 - "$1" "$2" "$PREFIX" <<'PY'
import json, sys
path, label, prefix = sys.argv[1:4]
try:
    r = json.load(open(path))
except Exception as e:
    print(f"  {label}: no results ({e})"); sys.exit(0)
prof = r.get("profiling", {})
under = {k: v.get("p95_ms") for k, v in prof.get("endpoints", {}).items() if k.startswith(prefix) and v.get("warm")}
regs = prof.get("regressions", [])
base = prof.get("baseline", {})
print(f"  {label}: exit {r.get('exit_code')}, tests {r['tests'].get('passed')}/{r['tests'].get('total')}, "
      f"p95 under {prefix}: " + ", ".join(f"{k} {v}" for k, v in sorted(under.items())))
print(f"    baseline: " + (base['reason'] if base.get('reason') else f"{len(base.get('runs', []))} runs"))
for g in regs:
    print(f"    regression: {g['kind']} {g['subject']} {g['metric']} {g['baseline']} -> {g['actual']} "
          f"(x{g['ratio']:.2f})")
if not regs:
    print("    no regressions")
PY
}

for i in $(seq 1 "$RUNS"); do
  "${PIPELINE[@]}" --results-file "$OUT/base-$i.json" > "$OUT/base-$i.log" 2>&1
  report "$OUT/base-$i.json" "baseline run $i"
done
"${PIPELINE[@]}" --image-tag "$TAG" --results-file "$OUT/slow.json" > "$OUT/slow.log" 2>&1
report "$OUT/slow.json" "test build $TAG (+$DELAY_MS ms on $PREFIX)"
"${PIPELINE[@]}" --results-file "$OUT/normal.json" > "$OUT/normal.log" 2>&1
report "$OUT/normal.json" "normal build again"

python3 - "$OUT/slow.json" "$OUT/normal.json" "$PREFIX" <<'PY'
import json, sys
slow, normal, prefix = (json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3])
def endpoint_regs(r):
    return [g["subject"] for g in r["profiling"].get("regressions", []) if g["kind"] == "endpoint"]
flagged = [s for s in endpoint_regs(slow) if s.startswith(prefix)]
wrong = [s for s in endpoint_regs(slow) if not s.startswith(prefix)]
again = endpoint_regs(normal)
print()
print(f"test build: {len(flagged)} endpoints under {prefix} flagged, {len(wrong)} others flagged {wrong}")
print(f"normal build after it: {len(again)} endpoints flagged {again}")
sys.exit(0 if flagged and not wrong and not again else 1)
PY
rc=$?
(( started_stack )) && { "${INTTEST[@]}" down >/dev/null 2>&1; trap - EXIT; }
echo "results and logs: $OUT"
exit $rc
