#!/usr/bin/env bash
# test-patterns' speed: every case of every pattern in one job, against a job per case in the same
# run (PatternTestsBenchmark). Target (issue 18): all cases in <= 15 s on 2 cores.
# Usage: bench/test-patterns.sh [PATTERNS_DIR]   (default patterns)
set -euo pipefail
cd "$(dirname "$0")/.."
B="${BENCH_BUILD_DIR:-target}"
mvn -q -B -Dbuild.dir="$B" test-compile -Dstyle.color=never
mvn -q -B -Dbuild.dir="$B" dependency:build-classpath -Dmdep.outputFile="$B/bench-cp.txt" -Dstyle.color=never
CP="$B/test-classes:$B/classes:$(cat "$B/bench-cp.txt")"
echo "$(date -u +%Y-%m-%dT%H:%MZ), nproc=$(nproc)"
java -Xmx2g --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
  -Dlog4j2.level=warn -cp "$CP" org.t1573.bench.PatternTestsBenchmark "${1:-patterns}"
