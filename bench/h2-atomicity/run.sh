#!/usr/bin/env bash
# Kills a process writing to H2 many times and checks that every transaction came back whole
# (docs/performance.md, "H2 after a kill"). Arguments: kills, writer threads, rows per transaction.
#   bench/h2-atomicity/run.sh 100 16 200
set -euo pipefail
cd "$(dirname "$0")"
version=${H2_VERSION:-2.3.232}
jar=~/.m2/repository/com/h2database/h2/$version/h2-$version.jar
[ -f "$jar" ] || mvn -B -q dependency:get -Dartifact=com.h2database:h2:$version
mkdir -p ../target/h2-atomicity/classes
javac -d ../target/h2-atomicity/classes H2Atomicity.java
java -cp "$jar:../target/h2-atomicity/classes" H2Atomicity ../target/h2-atomicity/data "${1:-100}" "${2:-16}" "${3:-200}"
