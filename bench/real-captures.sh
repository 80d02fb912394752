#!/usr/bin/env bash
# Precision and recall per analytic over every real capture of ../shared/data, with the settings and
# labels of src/test/resources/labels/captures.yml (RealCaptureScores): a row per capture (alerts,
# TP, FP, FN), then the summed table and every alert with its verdict.
# Usage: bench/real-captures.sh [OUT_DIR [PATTERN_DIR...]]   (default out/real-captures, patterns)
set -euo pipefail
cd "$(dirname "$0")/.."
B="${BENCH_BUILD_DIR:-target}"
mvn -q -B -Dbuild.dir="$B" test-compile -Dstyle.color=never
mvn -q -B -Dbuild.dir="$B" dependency:build-classpath -Dmdep.outputFile="$B/bench-cp.txt" -Dstyle.color=never
CP="$B/test-classes:$B/classes:$(cat "$B/bench-cp.txt")"
java -Xmx2g --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
  -cp "$CP" org.t1573.job.RealCaptureScores "${1:-out/real-captures}" "${@:2}" 2>&1 | grep -v '^\s*\(SLF4J\|WARNING\)' \
  | awk '/^Real captures/{p=1} p'
