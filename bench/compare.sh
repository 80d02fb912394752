#!/usr/bin/env bash
# Compares the job at another commit with the working tree in one session: both are built, then
# PipelineBenchmark runs from each in turn (old, new, old, new, ...), so a change is measured
# against the machine's drift, not against a figure from another hour.
# Usage: bench/compare.sh OLD_REV [ROUNDS] [N]   (stages: BENCH_STAGES, default jackson,batch,streaming)
set -euo pipefail
cd "$(dirname "$0")/.."

OLD="$1"
ROUNDS="${2:-2}"
N="${3:-1000000}"
B="${BENCH_BUILD_DIR:-target}"
STAGES="${BENCH_STAGES:-jackson,batch,streaming}"
WORKTREE="$B/bench/compare-$(git rev-parse --short "$OLD")"

# The input and the dependencies come from the working tree's build (bench/run.sh with no stage).
BENCH_SIDDHI=0 BENCH_STATE_PROCESSES=0 BENCH_STAGES=read BENCH_REPS=1 bench/run.sh "$N" > /dev/null
DATA="$(pwd)/$B/bench/data/n$N-f${BENCH_FILES:-2}"
if [[ ! -d "$WORKTREE" ]]; then
  git worktree add -q --detach "$WORKTREE" "$OLD"
fi
(cd "$WORKTREE" && mvn -q -B -Dbuild.dir=target test-compile -Dstyle.color=never)
DEPS="$(cat "$B/bench-cp.txt")"

for round in $(seq 1 "$ROUNDS"); do
  for side in old new; do
    classes="$B"
    dir=.
    if [[ "$side" == old ]]; then dir="$WORKTREE"; classes=target; fi
    echo "== round $round: $side ($(cd "$dir" && git describe --always --dirty))"
    (cd "$dir" && java -Xmx4g --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
        -cp "$classes/test-classes:$classes/classes:$DEPS" org.t1573.bench.PipelineBenchmark --reps 2 \
        --stages "$STAGES" "$DATA"/sysmon-*.ndjson 2>&1 | grep '^| (')
  done
done
