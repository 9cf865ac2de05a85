#!/usr/bin/env bash
# Fault injection on the embedded default: each case runs the pipeline through run_pipeline.sh with one fault and
# prints a table (case, runs, completed correctly, exit code, seconds from fault to verdict, processes and sandbox
# directories left, data lost). See docs/RELIABILITY.md.
#
#   bash bench/faults.sh [--runs N] [--cases a,b,...] [--out DIR]
#
# Every process a case starts carries INTTEST_FAULT_CASE=<case id> in its environment (inherited by Kafka, the
# services and every sandbox process), so "processes left" counts exactly what that case started and left behind.
set -uo pipefail
# job control: background runs get their own process group and keep SIGINT (a non-interactive shell would start
# them with SIGINT ignored, and the Ctrl-C case could not be delivered)
set -m

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=1
OUT="${TMPDIR:-/tmp}/inttest-faults-$(date +%s)"
ALL_CASES="clean,kill-provisioner-infra,kill-provisioner-services,kill-seeder,kill-tester,kill-profiler,kill-reporter,broker-restart,ctrl-c,sigkill-cli,duplicate,poison,four-at-once,dead-stage"
CASES="$ALL_CASES"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --cases) CASES="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n 2,9p "$0"; exit 0 ;;
    *) echo "faults.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$OUT"
command -v python3 >/dev/null || { echo "faults.sh: needs python3 (to read stack.json)" >&2; exit 2; }

# build on first use, as run_pipeline.sh does
bash "$ROOT/infra/inttest/run_pipeline.sh" --help >/dev/null
[[ -f "$ROOT/cli/target/inttest-cli.jar" ]] || (cd "$ROOT" && ./mvnw -B -q install -DskipTests) || exit 2

SANDBOXES="$OUT/sandboxes"
export INTTEST_SANDBOX_ROOT="$SANDBOXES"
TOOL=(java -cp "$ROOT/cli/target/inttest-cli.jar" "$ROOT/bench/FaultTool.java")

now() { date +%s.%N; }

# processes whose environment carries this case's marker
left_processes() {
  local id="$1" n=0 p
  for p in /proc/[0-9]*; do
    [[ "${p#/proc/}" == "$$" ]] && continue
    if { tr '\0' '\n' < "$p/environ"; } 2>/dev/null | grep -qx "INTTEST_FAULT_CASE=$id"; then n=$((n + 1)); fi
  done
  echo "$n"
}

left_sandboxes() {
  local ns="$1"
  ls -d "$SANDBOXES"/"$ns"* 2>/dev/null | wc -l
}

stack_json() { echo "$ROOT/.inttest/stacks/$1/stack.json"; }

# pid of a service (or "kafka") from the stack's record
pid_of() {
  local ns="$1" svc="$2"
  python3 - "$(stack_json "$ns")" "$svc" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
if sys.argv[2] == "kafka":
    print(s["kafka"]["process"]["pid"])
else:
    print(next(x["process"]["pid"] for x in s["services"] if x["name"] == sys.argv[2]))
PY
}

bootstrap_of() {
  python3 -c 'import json,sys; print("127.0.0.1:%d" % json.load(open(sys.argv[1]))["kafka"]["port"])' "$(stack_json "$1")"
}

# start_run ID NS [extra env...]: run_pipeline.sh in the background, each output line stamped with the epoch
start_run() {
  local id="$1" ns="$2"; shift 2
  START_EPOCH=$(now)
  # perl restores SIGINT's default first: a shell started in the background may have it ignored, and a JVM never
  # handles an ignored SIGINT
  ( export INTTEST_FAULT_CASE="$id"; for kv in "$@"; do export "${kv?}"; done
    exec perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die $!' \
      bash "$ROOT/infra/inttest/run_pipeline.sh" --namespace "$ns" --results-file "$OUT/$ns.json" \
      > >(while IFS= read -r l; do printf '%s %s\n' "$(date +%s.%N)" "$l"; done > "$OUT/$ns.log") 2>&1 ) &
  RUN_PID=$!
}

# wait_line NS PATTERN TIMEOUT: until the run's output has a line matching PATTERN
wait_line() {
  local ns="$1" pattern="$2" timeout="${3:-300}" t0=$SECONDS
  until grep -qE "$pattern" "$OUT/$ns.log" 2>/dev/null; do
    (( SECONDS - t0 > timeout )) && return 1
    sleep 0.2
  done
}

verdict_epoch() { grep -m1 "verdict:" "$OUT/$1.log" 2>/dev/null | cut -d' ' -f1; }

tests_of() { python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["tests"]; print(t["total"], t["passed"])' "$OUT/$1.json" 2>/dev/null || echo "- -"; }

ROWS=()
CLEAN_TOTAL=""

# record CASE NS RC FAULT_EPOCH EXPECTED_RC CHECK_TESTS(yes/no) [data-lost-note]
record() {
  local case="$1" ns="$2" rc="$3" fault="$4" expect="$5" check="$6" note="${7:-}"
  local id="$case-$ns" v secs procs dirs t0 total passed correct lost ended clean wall
  ended=$(now)
  wall=$(python3 -c "print(f'{$ended - $START_EPOCH:.1f}')")
  # nothing may outlive its owner: give leftovers up to 60 s to go
  t0=$SECONDS
  while (( SECONDS - t0 < 60 )); do
    procs=$(left_processes "$CUR_ID"); dirs=$(left_sandboxes "$ns")
    (( procs == 0 && dirs == 0 )) && break
    sleep 0.5
  done
  if (( procs == 0 && dirs == 0 )); then
    clean=$(python3 -c "print(f'{max(0.0, $(now) - ${fault:-$ended}):.1f}')")
  else
    clean=">60"
  fi
  v=$(verdict_epoch "$ns")
  if [[ -n "$fault" && -n "$v" ]]; then secs=$(python3 -c "print(f'{max(0.0, $v - $fault):.1f}')"); else secs="-"; fi
  read -r total passed < <(tests_of "$ns")
  correct=no
  if [[ "$rc" == "$expect" ]]; then
    if [[ "$check" == yes ]]; then [[ "$total" == "$CLEAN_TOTAL" && "$passed" == "$CLEAN_TOTAL" ]] && correct=yes
    else correct=yes; fi
  fi
  lost="${note:-no}"
  if [[ "$check" == yes && ! -f "$OUT/$ns.json" ]]; then lost="results file missing"; fi
  ROWS+=("$case|$rc|$correct|$secs|$procs|$dirs|$lost|$total|$wall|$clean")
  printf '  %-26s exit %-3s correct %-3s run %6s s, fault->verdict %-5s s, all gone after %-5s s, procs left %s, sandbox dirs left %s, tests %s\n' \
    "$case" "$rc" "$correct" "$wall" "$secs" "$clean" "$procs" "$dirs" "$total" >&2
}

kill_mid_stage() {  # CASE STAGE SERVICE DELAY
  local case="$1" stage="$2" svc="$3" delay="$4" ns="stonks-inttest-f-${case//[^a-z0-9]/}-$RANDOM"
  CUR_ID="$case-$ns"
  start_run "$CUR_ID" "$ns"
  if ! wait_line "$ns" "$stage +started" 300; then wait "$RUN_PID"; record "$case" "$ns" "$?" "" 0 yes "stage never started"; return; fi
  sleep "$delay"
  local pid; pid=$(pid_of "$ns" "$svc")
  local fault; fault=$(now)
  kill -9 "$pid"
  wait "$RUN_PID"; local rc=$?
  record "$case" "$ns" "$rc" "$fault" 0 yes
}

run_case() {
  local case="$1" ns
  case "$case" in
    clean)
      ns="stonks-inttest-f-clean-$RANDOM"; CUR_ID="$case-$ns"
      start_run "$CUR_ID" "$ns"; wait "$RUN_PID"; local rc=$?
      read -r CLEAN_TOTAL _ < <(tests_of "$ns")
      record "$case" "$ns" "$rc" "" 0 yes ;;
    kill-provisioner-infra) kill_mid_stage "$case" infra_deploy provisioner 0.5 ;;
    kill-provisioner-services) kill_mid_stage "$case" service_deploy provisioner 2 ;;
    kill-seeder) kill_mid_stage "$case" seed_data seeder 1 ;;
    kill-tester) kill_mid_stage "$case" integration_tests tester 3 ;;
    kill-profiler) kill_mid_stage "$case" profiling profiler 1 ;;
    kill-reporter) kill_mid_stage "$case" integration_tests reporter 2 ;;
    broker-restart)
      ns="stonks-inttest-f-broker-$RANDOM"; CUR_ID="$case-$ns"
      start_run "$CUR_ID" "$ns"
      wait_line "$ns" "seed_data +started" 300
      local pid fault; pid=$(pid_of "$ns" kafka); fault=$(now)
      kill -TERM "$pid"
      wait "$RUN_PID"; local rc=$?
      record "$case" "$ns" "$rc" "$fault" 0 yes ;;
    ctrl-c|sigkill-cli)
      ns="stonks-inttest-f-${case//-/}-$RANDOM"; CUR_ID="$case-$ns"
      start_run "$CUR_ID" "$ns"
      wait_line "$ns" "integration_tests +started" 300; sleep 2
      local cli fault; cli=$(pgrep -f -- "--namespace $ns" | head -1); fault=$(now)
      if [[ "$case" == ctrl-c ]]; then kill -INT "$cli"; expect=130; else kill -9 "$cli"; expect=137; fi
      wait "$RUN_PID" 2>/dev/null; local rc=$?
      record "$case" "$ns" "$rc" "$fault" "$expect" no ;;
    duplicate)
      ns="stonks-inttest-f-dup-$RANDOM"; CUR_ID="$case-$ns"
      start_run "$CUR_ID" "$ns"
      wait_line "$ns" "seed_data +ok" 300
      local fault; fault=$(now)
      "${TOOL[@]}" duplicate "$(bootstrap_of "$ns")" "$ns" seed_data 2 >> "$OUT/$ns.tool.log" 2>&1
      wait "$RUN_PID"; local rc=$?
      local starts; starts=$(grep -c "service_deploy .*started" "$OUT/$ns.log")
      record "$case" "$ns" "$rc" "" 0 yes "$([[ "$starts" == 1 ]] && echo no || echo "service_deploy started $starts times")" ;;
    poison)
      ns="stonks-inttest-f-poison-$RANDOM"; CUR_ID="$case-$ns"
      start_run "$CUR_ID" "$ns"
      wait_line "$ns" "infra_deploy +started" 300
      "${TOOL[@]}" poison "$(bootstrap_of "$ns")" 100 >> "$OUT/$ns.tool.log" 2>&1
      wait_line "$ns" "teardown +(ok|failed|skipped)" 300
      "${TOOL[@]}" dlq "$(bootstrap_of "$ns")" > "$OUT/$ns.dlq" 2>&1
      wait "$RUN_PID"; local rc=$?
      local runs stages; runs=$(grep "dlq inttest.runs" "$OUT/$ns.dlq" | sed 's/.*distinct=\([0-9]*\).*/\1/')
      stages=$(grep "dlq inttest.stages" "$OUT/$ns.dlq" | sed 's/.*distinct=\([0-9]*\).*/\1/')
      record "$case" "$ns" "$rc" "" 0 yes "$([[ "$runs" == 100 && "$stages" == 100 ]] && echo no || echo "dlq runs=$runs stages=$stages of 100")"
      sed 's/^/    /' "$OUT/$ns.dlq" >&2 ;;
    four-at-once)
      local pids=() nss=() i rc all=0
      CUR_ID="four-$RANDOM"
      local first=""
      for i in 1 2 3 4; do
        ns="stonks-inttest-f-four$i-$RANDOM"; nss+=("$ns")
        start_run "$CUR_ID" "$ns"; pids+=("$RUN_PID"); first=${first:-$START_EPOCH}
      done
      START_EPOCH=$first
      for i in 0 1 2 3; do wait "${pids[$i]}"; rc=$?; (( rc != 0 )) && all=$rc; done
      local good=0
      for ns in "${nss[@]}"; do
        read -r total passed < <(tests_of "$ns")
        [[ "$total" == "$CLEAN_TOTAL" && "$passed" == "$CLEAN_TOTAL" ]] && good=$((good + 1))
        echo "    $ns: exit $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["exit_code"])' "$OUT/$ns.json" 2>/dev/null), $passed/$total passed" >&2
      done
      (( good == 4 )) || all=${all/#0/1}
      echo "    $good of 4 runs with every test passed" >&2
      record "$case" "${nss[0]}" "$all" "" 0 yes ;;
    dead-stage)
      ns="stonks-inttest-f-dead-$RANDOM"; CUR_ID="$case-$ns"
      start_run "$CUR_ID" "$ns" INTTEST_SUPERVISION=off
      wait_line "$ns" "integration_tests +started" 300; sleep 2
      local pid fault; pid=$(pid_of "$ns" tester); fault=$(now)
      kill -9 "$pid"
      wait "$RUN_PID"; local rc=$?
      record "$case" "$ns" "$rc" "$fault" 2 no ;;
    *) echo "faults.sh: unknown case $case" >&2; exit 2 ;;
  esac
}

IFS=',' read -r -a selected <<< "$CASES"
[[ " ${selected[*]} " == *" clean "* ]] || selected=(clean "${selected[@]}")
for c in "${selected[@]}"; do
  for ((r = 1; r <= RUNS; r++)); do
    echo "faults.sh: $c (run $r of $RUNS)" >&2
    run_case "$c"
  done
done

echo
printf '| %-26s | %4s | %7s | %9s | %9s | %16s | %13s | %10s | %12s | %-30s |\n' case runs correct "exit code" "run s" \
  "fault->verdict s" "all gone s" "procs left" "sandbox dirs" "data lost"
printf '|%s|\n' "----------------------------|------|---------|-----------|-----------|------------------|---------------|------------|--------------|--------------------------------"
median() { grep -v '^-$' | grep -v '^>' | sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "-"}'; }
for c in "${selected[@]}"; do
  n=0; ok=0; codes=(); secs=(); walls=(); cleans=(); procs=0; dirs=0; lost=()
  for row in "${ROWS[@]}"; do
    IFS='|' read -r rc_case rc ok1 s p d l _ w cl <<< "$row"
    [[ "$rc_case" == "$c" ]] || continue
    n=$((n + 1)); [[ "$ok1" == yes ]] && ok=$((ok + 1)); codes+=("$rc"); secs+=("$s"); walls+=("$w"); cleans+=("$cl")
    procs=$((procs + p)); dirs=$((dirs + d)); [[ "$l" != no ]] && lost+=("$l")
  done
  printf '| %-26s | %4s | %7s | %9s | %9s | %16s | %13s | %10s | %12s | %-30s |\n' "$c" "$n" "$ok/$n" \
    "$(printf '%s\n' "${codes[@]}" | sort -u | paste -sd/)" "$(printf '%s\n' "${walls[@]}" | median)" \
    "$(printf '%s\n' "${secs[@]}" | median)" "$(printf '%s\n' "${cleans[@]}" | median)" "$procs" "$dirs" "${lost[*]:-none}"
done
echo
echo "clean run: $CLEAN_TOTAL tests. Figures are medians over the runs of a case. 'all gone s': from the fault (or the"
echo "end of the run) until no process of the case and no sandbox directory is left. Logs and results in $OUT"
