#!/usr/bin/env bash
# Builds, generates N Sysmon-like events (cached under target/bench/data) and prints the
# pipeline benchmark's figures. Usage: bench/run.sh [N]   (or BENCH_EVENTS=N bench/run.sh)
# Optional: BENCH_FILES (input files, default 2: one per source subtask), BENCH_REPS (default 3),
# BENCH_STAGES (comma list, default all), BENCH_JFR=1 (record target/bench/job.jfr).
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-${BENCH_EVENTS:-2000000}}"
FILES="${BENCH_FILES:-2}"
echo "N=$N events, $FILES file(s), $(date -u +%Y-%m-%dT%H:%MZ), nproc=$(nproc)"

mvn -q -B test-compile -Dstyle.color=never
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dstyle.color=never
CP="target/test-classes:target/classes:$(cat target/bench-cp.txt)"
# The flags the project's tests run Flink with (surefire argLine), and the heap the brief asks for.
JAVA_OPTS=(-Xmx4g --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED)

DATA="target/bench/data/n$N-f$FILES"
if [[ ! -f "$DATA/.done" ]]; then
  rm -rf "$DATA"
  java "${JAVA_OPTS[@]}" -cp "$CP" org.t1573.bench.SysmonLikeGenerator --events "$N" --out "$DATA" --files "$FILES"
  touch "$DATA/.done"
else
  echo "reusing $DATA"
fi

if [[ "${BENCH_JFR:-0}" == 1 ]]; then
  JAVA_OPTS+=(-XX:StartFlightRecording=filename=target/bench/job.jfr,settings=profile)
fi
java "${JAVA_OPTS[@]}" -cp "$CP" org.t1573.bench.PipelineBenchmark --reps "${BENCH_REPS:-3}" \
  ${BENCH_STAGES:+--stages "$BENCH_STAGES"} "$DATA"/sysmon-*.ndjson
