#!/usr/bin/env bash
# Builds, generates N Sysmon-like events (cached under $B/bench/data) and prints every figure of the
# performance issue in one invocation: pipeline stages and whole job (PipelineBenchmark), the Siddhi
# peer on the same file (bench/siddhi), and keyed state for many open processes (StateBenchmark).
# Usage: bench/run.sh [N]   (or BENCH_EVENTS=N bench/run.sh)
# Optional: BENCH_BUILD_DIR (Maven build directory, default target), BENCH_FILES (input files, default 2:
# one per source subtask), BENCH_REPS (default 3), BENCH_STAGES (comma list of PipelineBenchmark stages,
# default all), BENCH_SIDDHI=0 (skip the Siddhi peer), BENCH_STATE_PROCESSES (open processes of the state
# run, default 200000; 0 skips it), BENCH_STATE_BACKENDS (default "hashmap rocksdb"),
# BENCH_REPEAT (default 10: a state run with every event repeated that often; 1 skips it),
# BENCH_JFR=1 (record $B/bench/job.jfr of the pipeline benchmark).
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-${BENCH_EVENTS:-1000000}}"
FILES="${BENCH_FILES:-2}"
B="${BENCH_BUILD_DIR:-target}"
echo "N=$N events, $FILES file(s), $(date -u +%Y-%m-%dT%H:%MZ), nproc=$(nproc), build dir $B"

mvn -q -B -Dbuild.dir="$B" test-compile -Dstyle.color=never
mvn -q -B -Dbuild.dir="$B" dependency:build-classpath -Dmdep.outputFile="$B/bench-cp.txt" -Dstyle.color=never
CP="$B/test-classes:$B/classes:$(cat "$B/bench-cp.txt")"
# The flags the project's tests run Flink with (surefire argLine), and the heap the brief asks for.
JAVA_OPTS=(-Xmx4g --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED)

DATA="$B/bench/data/n$N-f$FILES"
if [[ ! -f "$DATA/.done" ]]; then
  rm -rf "$DATA"
  java "${JAVA_OPTS[@]}" -cp "$CP" org.t1573.bench.SysmonLikeGenerator --events "$N" --out "$DATA" --files "$FILES"
  touch "$DATA/.done"
else
  echo "reusing $DATA"
fi

SIDDHI_ARGS=()
if [[ "${BENCH_SIDDHI:-1}" == 1 ]]; then
  # Its own module and classpath: Siddhi never reaches the job's dependencies.
  (cd bench/siddhi && mvn -q -B -Dbuild.dir="$B" compile dependency:build-classpath \
      -Dmdep.outputFile="$B/cp.txt" -Dstyle.color=never)
  SIDDHI_OUT="$B/bench/siddhi.txt"
  java -Xmx4g -cp "bench/siddhi/$B/classes:$(cat "bench/siddhi/$B/cp.txt")" org.t1573.bench.siddhi.SiddhiBenchmark \
      --reps "${BENCH_REPS:-3}" --pattern patterns/windows/AN0400.yml "$DATA"/sysmon-*.ndjson 2>&1 \
      | grep -v -e '^SLF4J' -e 'log4j' | tee "$SIDDHI_OUT"
  SIDDHI_ARGS=(--siddhi-eps "$(sed -n 's/^siddhi-events-per-second=//p' "$SIDDHI_OUT")")
fi

PIPE_OPTS=("${JAVA_OPTS[@]}")
if [[ "${BENCH_JFR:-0}" == 1 ]]; then
  PIPE_OPTS+=(-XX:StartFlightRecording=filename="$B/bench/job.jfr",settings=profile)
fi
PIPE_OUT="$B/bench/pipeline.txt"
java "${PIPE_OPTS[@]}" -cp "$CP" org.t1573.bench.PipelineBenchmark --reps "${BENCH_REPS:-3}" \
  ${BENCH_STAGES:+--stages "$BENCH_STAGES"} "${SIDDHI_ARGS[@]}" "$DATA"/sysmon-*.ndjson | tee "$PIPE_OUT"

STATE="${BENCH_STATE_PROCESSES:-200000}"
STATE_OUT="$B/bench/state.txt"
: > "$STATE_OUT"
if [[ "$STATE" != 0 ]]; then
  for backend in ${BENCH_STATE_BACKENDS:-hashmap rocksdb}; do
    rm -rf "$B/bench/rocksdb"
    java "${JAVA_OPTS[@]}" -Dbench.dir="$B/bench" -cp "$CP" org.t1573.bench.StateBenchmark \
        --processes "$STATE" --backend "$backend" --histogram 12 2>&1 | grep -v -e '^SLF4J' -e ' WARN ' -e ' INFO ' | tee -a "$STATE_OUT"
  done
  REPEAT="${BENCH_REPEAT:-10}"
  if [[ "$REPEAT" != 1 ]]; then
    # Every event of the state script $REPEAT times in a row (redelivery): the state of one copy.
    java "${JAVA_OPTS[@]}" -Dbench.dir="$B/bench" -cp "$CP" org.t1573.bench.StateBenchmark \
        --processes "$STATE" --backend hashmap --repeat "$REPEAT" 2>&1 | grep -v -e '^SLF4J' -e ' WARN ' -e ' INFO ' \
        | tee -a "$STATE_OUT"
  fi
fi

# The engine issue's targets, every figure from this invocation (ratios within one run).
echo
echo "| target (N=$N, $(nproc) cores) | measured | goal | met |"
echo "|---|---:|---:|---|"
sed -n 's/^target-row //p' "$PIPE_OUT"
awk -v limit=2048 '/^state-result / && !/bare-cep/ {
    for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    if (f["backend"] == "hashmap" && f["repeat"] > 1) {
      printf "| heap state per open process, every record %d times / once (alerts %d / %d) | %.2f | <= 1.1, same alerts | %s |\n",
          f["repeat"], f["alerts"], once_alerts, f["per-process-b"] / once, \
          ((f["per-process-b"] <= 1.1 * once && f["alerts"] == once_alerts) ? "met" : "not met")
    } else if (f["backend"] == "hashmap") {
      once = f["per-process-b"]; once_alerts = f["alerts"]
      per = f["per-process-b"]
      printf "| heap state per open process, all patterns (%d processes) | %.0f B | <= 2.0 KB | %s |\n",
          f["processes"], per, (per <= limit ? "met" : "not met")
    } else if (f["backend"] == "rocksdb") {
      printf "| RocksDB run with %d open processes | heap %d -> %d MB | 10,000,000 processes, figures printed | %s |\n",
          f["processes"], f["base-mb"], f["open-mb"], (f["processes"] >= 10000000 ? "met" : "not met (fewer processes)")
    }
  }' "$STATE_OUT"
