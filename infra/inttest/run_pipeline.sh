#!/usr/bin/env bash
# Runs one integration-test run of the stonks services at an image tag and writes inttest-results.json.
# With no cluster configured it attaches to the resident stack when one is up (bin/inttest up), else brings up a
# one-shot embedded stack (Kafka and the pipeline services as local processes); it builds what it needs on first use.
# Exit codes: 0 all tests passed, 1 test failures, 2 setup failure or bad input.
set -euo pipefail

usage() {
  # one text for the script and the CLI (cli/RunOptions reads the same file)
  cat "$(dirname -- "${BASH_SOURCE[0]}")/run_pipeline.usage"
}

fail_usage() {
  echo "run_pipeline.sh: $1" >&2
  usage >&2
  exit 2
}

need_value() {
  [[ $# -ge 2 && -n "$2" && "$2" != --* ]] || fail_usage "option $1 needs a value"
}

# Checked here, before anything is built or started; the CLI checks the same rules again (events/Names.java).
NAMESPACE_RE='^stonks-inttest-[a-z0-9]([-a-z0-9]*[a-z0-9])?$'
TAG_RE='^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$'
RESULTS_FILE="inttest-results.json"
BACKEND="${INTTEST_BACKEND:-local}"
DRY_RUN=false
args=("$@")
while [[ $# -gt 0 ]]; do
  case "$1" in
    --image-tag)
      need_value "$@"
      [[ "$2" =~ $TAG_RE ]] || fail_usage "image tag '$2' is not a valid OCI tag ([A-Za-z0-9_][A-Za-z0-9._-]{0,127})"
      shift 2 ;;
    --namespace)
      need_value "$@"
      [[ ${#2} -le 63 ]] || fail_usage "namespace '$2' is longer than 63 characters"
      [[ "$2" =~ $NAMESPACE_RE ]] || fail_usage "namespace '$2' must be a DNS-1123 label starting with 'stonks-inttest-'"
      shift 2 ;;
    --skip-teardown) shift ;;
    --results-file)
      need_value "$@"
      [[ -d "$(dirname -- "$2")" ]] || fail_usage "results file directory '$(dirname -- "$2")' does not exist"
      [[ ! -d "$2" ]] || fail_usage "results file '$2' is a directory"
      RESULTS_FILE="$2"
      shift 2 ;;
    --scale|--timeout)
      need_value "$@"
      [[ "$2" =~ ^[0-9]+$ ]] || fail_usage "option $1 needs a whole number, was '$2'"
      shift 2 ;;
    --backend)
      need_value "$@"
      BACKEND="$2"
      shift 2 ;;
    --dry-run) DRY_RUN=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) fail_usage "unknown option: $1" ;;
  esac
done

[[ "$BACKEND" == local || "$BACKEND" == kubernetes ]] || fail_usage "backend '$BACKEND' is not local or kubernetes"
[[ "$DRY_RUN" == false || "$BACKEND" == kubernetes ]] || fail_usage "--dry-run needs --backend kubernetes"
# A kubernetes run needs a cluster to talk to: a kubeconfig, or the service account of the pod it runs in.
if [[ "$BACKEND" == kubernetes && "$DRY_RUN" == false ]]; then
  has_cluster=false
  IFS=':' read -r -a kubeconfigs <<< "${KUBECONFIG:-}"
  for f in "${kubeconfigs[@]}"; do [[ -n "$f" && -f "$f" ]] && has_cluster=true; done
  [[ -z "${KUBECONFIG:-}" && -f "${HOME:-/nonexistent}/.kube/config" ]] && has_cluster=true
  [[ -n "${KUBERNETES_SERVICE_HOST:-}" && -f /var/run/secrets/kubernetes.io/serviceaccount/token ]] && has_cluster=true
  [[ "$has_cluster" == true ]] || fail_usage "backend kubernetes: no cluster configured (KUBECONFIG, ~/.kube/config or an in-cluster service account)"
fi

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
command -v java >/dev/null || { echo "run_pipeline.sh: java (17+) is not on the PATH" >&2; exit 2; }

# shellcheck source=build.sh
source "$ROOT/infra/inttest/build.sh"
inttest_build_if_needed "$ROOT" run_pipeline.sh

export INTTEST_HOME="$ROOT"
export INTTEST_BACKEND="$BACKEND"
exec java -jar "$ROOT/cli/target/inttest-cli.jar" run "${args[@]}"
