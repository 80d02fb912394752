#!/usr/bin/env bash
# Alert latency on the real stack (Kafka broker + Flink cluster of deploy/local): from the event that
# closes an AN0400 detection to its alert at a read_committed consumer, p50/p99, with 2 of the
# channel topic's 4 partitions idle. Usage: bench/kafka-latency.sh [DETECTIONS [stream options...]]
# e.g. bench/kafka-latency.sh 60 --checkpoint-interval 1s --idleness 2s --max-out-of-orderness 1s
set -euo pipefail
cd "$(dirname "$0")/.."
B="${BENCH_BUILD_DIR:-target}"
mvn -q -B -Dbuild.dir="$B" package -DskipTests
mvn -q -B -Dbuild.dir="$B" test-compile dependency:build-classpath -Dmdep.outputFile="$B/bench-cp.txt" -Dstyle.color=never
java -Xmx1g -Djob.jar="$B/t1573-cep.jar" -Dcluster.work="$B/latency-stack" \
  -cp "$B/test-classes:$B/classes:$(cat "$B/bench-cp.txt")" org.t1573.cluster.LatencyBenchmark "${@:-60}"
