#!/usr/bin/env bash
# Builds what the benchmark needs and measures it, in one run on this machine: prints the table and
# writes bench/results/latest.json. Extra -Dbench.* settings pass through to the harness, e.g.
#   bench/run.sh -Dbench.measure-seconds=5 -Dbench.replay-events=20000 -Dbench.distributed=false
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

echo "building the product's jars and the benchmark" >&2
# clean: a working copy's target/ may hold classes of renamed packages, which the jar would carry
mvn -B -q clean package -DskipTests
mvn -B -q -f bench/pom.xml package -DskipTests

# the harness stops every process it started, also when it fails or is interrupted
java -Xmx1g -Dbench.root="$root" "$@" -jar bench/load/target/load.jar &
harness=$!
trap 'kill "$harness" 2>/dev/null; wait "$harness" 2>/dev/null' INT TERM
wait "$harness"
