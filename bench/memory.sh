#!/usr/bin/env bash
# Resident memory of the resident stack and of one run's sandbox, measured on real processes (issue 12):
#   bin/inttest up (unless a resident stack is up already), the stack's memory idle, then N runs one after the other
#   attached to it; during each run, every second, the memory of the stack's processes and of the run's sandbox
#   processes (PostgreSQL, Redis, the S3 store, the four stonks services).
# Memory is PSS (proportional set size, /proc/PID/smaps_rollup) summed over each recorded process and its
# descendants (PostgreSQL's backends), so pages shared between processes are counted once. Prints the medians and
# min-max over the runs of: the stack idle, the stack's peak during a run, the sandbox's peak, and the sandbox's
# peak per component.
#
#   bash bench/memory.sh [--runs N] [--out DIR]
set -uo pipefail

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=5
OUT="${TMPDIR:-/tmp}/inttest-memory-$(date +%s)"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="${2:-}"; shift 2 ;;
    --out) OUT="${2:-}"; shift 2 ;;
    -h|--help) sed -n 2,11p "$0"; exit 0 ;;
    *) echo "memory.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "memory.sh: --runs needs a positive number" >&2; exit 2; }
command -v python3 >/dev/null || { echo "memory.sh: needs python3" >&2; exit 2; }
mkdir -p "$OUT"
INTTEST=("$ROOT/bin/inttest")
PIPELINE=(bash "$ROOT/infra/inttest/run_pipeline.sh")
STACK_JSON="$ROOT/.inttest/resident/stack/stack.json"
SANDBOXES="${INTTEST_SANDBOX_ROOT:-$ROOT/.sandboxes}"
"${PIPELINE[@]}" --help >/dev/null   # builds on first use

if ! "${INTTEST[@]}" status >/dev/null 2>&1; then
  echo "== bin/inttest up"
  "${INTTEST[@]}" up > "$OUT/up.log" 2>&1 || { cat "$OUT/up.log"; exit 1; }
  trap '"${INTTEST[@]}" down >/dev/null 2>&1' EXIT
fi

cat > "$OUT/sample.py" <<'PY'
import json, os, sys
def children():
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                ppid = int(open(f"/proc/{d}/stat").read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(ppid, []).append(int(d))
    return kids
def pss(pid):
    try:
        for line in open(f"/proc/{pid}/smaps_rollup"):
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0
def tree(pid, kids, recorded):
    """PSS of pid and its descendants, not descending into processes recorded on their own."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += pss(p)
        todo.extend(c for c in kids.get(p, []) if c not in recorded)
    return total
def pids(doc):
    """(name, pid) of every process a stack.json or sandbox.json records."""
    found = []
    if "components" in doc and isinstance(doc["components"], dict):      # sandbox.json
        found += [(name, c["pid"]) for name, c in doc["components"].items() if c.get("pid")]
    else:                                                                 # stack.json
        found.append(("kafka", doc.get("kafka", {}).get("process", {}).get("pid")))
        found += [(s["name"], s.get("process", {}).get("pid")) for s in doc.get("services", [])]
        found += [(c["name"], c.get("process", {}).get("pid")) for c in doc.get("components", [])]
        found.append(("guard", doc.get("guard", {}).get("pid")))
        found.append(("daemon", doc.get("owner", {}).get("pid")))
    return [(n, p) for n, p in found if isinstance(p, int)]
kids = children()
processes = []   # (kind, name, pid)
for f in sys.argv[1:]:
    try:
        doc = json.load(open(f))
    except (OSError, ValueError):
        continue
    kind = "sandbox" if f.endswith("sandbox.json") else "stack"
    processes += [(kind, name, pid) for name, pid in pids(doc) if os.path.exists(f"/proc/{pid}")]
recorded = {pid for _, _, pid in processes}
for kind, name, pid in processes:
    print(kind, name, tree(pid, kids, recorded))
PY

sample() { # stack.json and sandbox.json files -> one line "<stack|sandbox> <process> <PSS kB>" per process
  python3 "$OUT/sample.py" "$@"
}

sleep 5
sample "$STACK_JSON" > "$OUT/idle.txt"
for i in $(seq 1 "$RUNS"); do
  "${PIPELINE[@]}" --results-file "$OUT/run-$i.json" > "$OUT/run-$i.log" 2>&1 &
  run=$!
  : > "$OUT/samples-$i.txt"
  n=0
  while kill -0 "$run" 2>/dev/null; do
    n=$((n + 1))
    sample "$STACK_JSON" "$SANDBOXES"/stonks-inttest-*/sandbox.json | sed "s/^/$n /" >> "$OUT/samples-$i.txt"
    sleep 1
  done
  wait "$run"
  echo "  run $i: exit $?, $n samples"
done

python3 - "$OUT" "$RUNS" <<'PY'
import collections, statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])
def mib(kb): return kb / 1024
def row(name, xs):
    if xs:
        print(f"| {name} | {mib(statistics.median(xs)):.0f} | {mib(min(xs)):.0f}-{mib(max(xs)):.0f} |")
idle = sum(int(l.split()[2]) for l in open(f"{out}/idle.txt"))
stack_peak, sandbox_peak, per_component = [], [], collections.defaultdict(list)
for i in range(1, runs + 1):
    totals = collections.defaultdict(lambda: collections.Counter())
    components = collections.defaultdict(lambda: collections.Counter())
    for line in open(f"{out}/samples-{i}.txt"):
        n, kind, name, kb = line.split()
        totals[kind][n] += int(kb)
        if kind == "sandbox":
            components[name][n] += int(kb)
    if totals["stack"]:
        stack_peak.append(max(totals["stack"].values()))
    if totals["sandbox"]:
        sandbox_peak.append(max(totals["sandbox"].values()))
    for name, series in components.items():
        per_component[name].append(max(series.values()))
print()
print(f"memory (PSS), {runs} runs on the resident stack")
print("| | median MiB | min-max MiB |")
print("|---|---|---|")
print(f"| the resident stack, idle | {mib(idle):.0f} | |")
row("the resident stack, peak during a run", stack_peak)
row("one run's sandbox, peak", sandbox_peak)
for name in sorted(per_component):
    row(f"  sandbox: {name}", per_component[name])
PY
