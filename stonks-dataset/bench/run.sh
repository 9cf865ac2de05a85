#!/usr/bin/env bash
# Seeder vs PostgreSQL COPY: rows/s side by side, medians over several runs (see SeedBenchmark's Javadoc).
# Usage: bash stonks-dataset/bench/run.sh [--scales 1,10,100] [--runs 5]
set -euo pipefail
ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
./mvnw -q -B -pl stonks-dataset test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
MODULE="$ROOT/stonks-dataset"
exec java -Xmx3g -Dinttest.home="$ROOT" -Djava.util.logging.manager=java.util.logging.LogManager \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$MODULE/target/bench.classpath")" \
  dev.stonks.inttest.stonks.dataset.bench.SeedBenchmark "$@"
