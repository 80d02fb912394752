#!/usr/bin/env bash
# test-patterns' speed: every case of every pattern in one job, against a job per case in the same
# run (PatternTestsBenchmark). Target (issue 18): all cases in <= 15 s on 2 cores.
# Usage: bench/test-patterns.sh [PATTERNS_DIR]   (default patterns)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/test-classpath.sh
echo "$(date -u +%Y-%m-%dT%H:%MZ), nproc=$(nproc)"
java -Xmx2g "${JAVA_FLAGS[@]}" \
  -Dlog4j2.level=warn -cp "$CP" org.t1573.bench.PatternTestsBenchmark "${1:-patterns}"
