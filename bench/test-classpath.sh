# Sourced by the bench scripts: compiles the tests and sets CP, the classpath the benchmarks run on
# (test and main classes and every dependency), and JAVA_FLAGS, the flags the tests run Flink with.
# Build directory: BENCH_BUILD_DIR (default target).
B="${BENCH_BUILD_DIR:-target}"
mvn -q -B -Dbuild.dir="$B" test-compile -Dstyle.color=never
mvn -q -B -Dbuild.dir="$B" dependency:build-classpath -Dmdep.outputFile="$B/bench-cp.txt" -Dstyle.color=never
CP="$B/test-classes:$B/classes:$(cat "$B/bench-cp.txt")"
JAVA_FLAGS=(--add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED)
