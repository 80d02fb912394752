#!/usr/bin/env bash
# Precision and recall per analytic over every real capture of ../shared/data, with the settings and
# labels of src/test/resources/labels/captures.yml (RealCaptureScores): a row per capture (alerts,
# TP, FP, FN), then the summed table and every alert with its verdict.
# Usage: bench/real-captures.sh [OUT_DIR [PATTERN_DIR...]]   (default out/real-captures, patterns)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/test-classpath.sh
java -Xmx2g "${JAVA_FLAGS[@]}" \
  -cp "$CP" org.t1573.job.RealCaptureScores "${1:-out/real-captures}" "${@:2}" 2>&1 | grep -v '^\s*\(SLF4J\|WARNING\)' \
  | awk '/^Real captures/{p=1} p'
