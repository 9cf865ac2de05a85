# Sourced by run_pipeline.sh and bin/inttest: builds the pipeline on first use.
#   inttest_build_if_needed ROOT NAME   (NAME prefixes the messages)

# whether every jar the embedded stack and the CLI need is built
inttest_built() {
  local root=$1 m
  for m in provisioner seeder tester profiler reporter gateway promoter stonks; do
    [[ -f "$root/$m/target/quarkus-app/quarkus-run.jar" ]] || return 1
  done
  [[ -f "$root/cli/target/inttest-cli.jar" && -d "$root/localstack/target/runtime/kafka" \
     && -d "$root/localstack/target/runtime/s3proxy" ]]
}

inttest_build_if_needed() {
  local root=$1 name=$2
  if ! inttest_built "$root"; then
    echo "$name: first use: building the pipeline (./mvnw -B -q install -DskipTests) ..."
    (cd "$root" && ./mvnw -B -q install -DskipTests) || { echo "$name: build failed" >&2; exit 2; }
  fi
}
