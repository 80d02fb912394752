#!/usr/bin/env bash
# The beacon window's state per tracked pair (heap and serialized) and a million pairs against the
# 1 GB target of the beaconing issue, with two t-digests per pair as the same-run baseline
# (BeaconStateBenchmark). Usage: bench/beacon-state.sh [PAIRS]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
B="${BENCH_BUILD_DIR:-target}"
mvn -q -B -Dbuild.dir="$B" test-compile -Dstyle.color=never
mvn -q -B -Dbuild.dir="$B" dependency:build-classpath -Dmdep.outputFile="$B/bench-cp.txt" -Dstyle.color=never
CP="$B/test-classes:$B/classes:$(cat "$B/bench-cp.txt")"
echo "$(date -u +%Y-%m-%dT%H:%MZ), nproc=$(nproc)"
java -Xmx4g -XX:+UseSerialGC --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
  -cp "$CP" org.t1573.bench.BeaconStateBenchmark "${1:-1000000}"
