#!/usr/bin/env bash
# The beacon window's state per tracked pair (heap and serialized) and a million pairs against the
# 1 GB target of the beaconing issue, with two t-digests per pair as the same-run baseline
# (BeaconStateBenchmark). Usage: bench/beacon-state.sh [PAIRS]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/test-classpath.sh
echo "$(date -u +%Y-%m-%dT%H:%MZ), nproc=$(nproc)"
java -Xmx4g -XX:+UseSerialGC "${JAVA_FLAGS[@]}" \
  -cp "$CP" org.t1573.bench.BeaconStateBenchmark "${1:-1000000}"
