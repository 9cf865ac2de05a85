#!/usr/bin/env bash
# A test build of stonks that answers the endpoints under one path prefix later by a fixed delay: the image a
# regression should be flagged for (issue 11). It is stonks' normal code with stonks.test-build.* baked into the
# build; the working tree's own build is rebuilt afterwards, unchanged.
#
#   bash bench/test-build-with-delay.sh --tag TAG --delay-ms MS --path PREFIX [--builds-dir DIR]
#
# The build lands in <builds-dir>/<TAG>/quarkus-app (default <repo>/.builds, where the local backend looks for
# image tags); then: bash infra/inttest/run_pipeline.sh --image-tag TAG
set -euo pipefail

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
TAG="" DELAY_MS="" PREFIX="" BUILDS="${INTTEST_BUILDS_DIR:-$ROOT/.builds}"
usage() { sed -n 2,9p "$0" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tag) TAG="${2:-}"; shift 2 ;;
    --delay-ms) DELAY_MS="${2:-}"; shift 2 ;;
    --path) PREFIX="${2:-}"; shift 2 ;;
    --builds-dir) BUILDS="${2:-}"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "test-build-with-delay.sh: unknown option $1" >&2; usage ;;
  esac
done
[[ "$TAG" =~ ^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$ && "$TAG" != latest ]] \
  || { echo "test-build-with-delay.sh: --tag needs an image tag other than latest" >&2; exit 2; }
[[ "$DELAY_MS" =~ ^[1-9][0-9]{0,5}$ ]] || { echo "test-build-with-delay.sh: --delay-ms needs a positive number" >&2; exit 2; }
[[ "$PREFIX" == /* ]] || { echo "test-build-with-delay.sh: --path needs a path prefix such as /api/companies" >&2; exit 2; }

cd "$ROOT"
echo "test build $TAG: stonks with $DELAY_MS ms more on $PREFIX ..."
delay=$(python3 -c "print('PT%.3fS' % ($DELAY_MS / 1000))")
./mvnw -B -q -o package -pl stonks -DskipTests -Dstonks.test-build.delay="$delay" \
  -Dstonks.test-build.delay-path="$PREFIX" -Dquarkus.package.output-directory=test-build
rm -rf "${BUILDS:?}/$TAG"
mkdir -p "$BUILDS/$TAG"
cp -r stonks/target/test-build "$BUILDS/$TAG/quarkus-app"
rm -rf stonks/target/test-build
echo "test build $TAG: rebuilding the working tree's stonks without the delay ..."
./mvnw -B -q -o package -pl stonks -DskipTests
unzip -p stonks/target/quarkus-app/app/stonks-*.jar META-INF/microprofile-config.properties \
  | grep -qx 'stonks.test-build.delay=PT0S' || { echo "test-build-with-delay.sh: the working tree's build kept the delay" >&2; exit 1; }
echo "test build $TAG: $BUILDS/$TAG/quarkus-app ($(unzip -p "$BUILDS/$TAG/quarkus-app/app/"stonks-*.jar META-INF/microprofile-config.properties | grep -v '^#' | tr '\n' ' '))"
