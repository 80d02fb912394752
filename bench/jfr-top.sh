#!/usr/bin/env bash
# Names the top costs in a JFR recording of the benchmark (bench/run.sh with BENCH_JFR=1):
# share of CPU samples whose stack contains each component, then the hottest top frames. Only
# samples of threads other than "main" count: Flink's task threads, i.e. the whole job, not the
# single-thread stages PipelineBenchmark runs on its main thread.
# Usage: bench/jfr-top.sh FILE.jfr
set -euo pipefail
jfr print --events jdk.ExecutionSample --stack-depth 96 "$1" | awk '
  function flush() {
    if (!inside || thread == "main") { inside = 0; return }
    total++
    for (k in comp) if (index(stack, comp[k]) > 0) hits[k]++
    top[first]++
    inside = 0
  }
  BEGIN {
    comp["Jackson (JSON tree)"] = "com.fasterxml.jackson"
    comp["JSON tree of a record (JsonRecords.readObject)"] = "JsonRecords.readObject"
    comp["Sysmon fields to Event (SysmonEventMapper.map)"] = "SysmonEventMapper.map"
    comp["SHA-1 record ids"] = "RecordIds.hash"
    comp["timestamps"] = "ingest.Timestamps."
    comp["select and its side outputs (PatternSelector)"] = "PatternSelector.processElement"
    comp["step predicates (CompiledPattern.stepMask)"] = "CompiledPattern.stepMask"
    comp["BATCH: sorting keyed inputs (runtime.operators.sort)"] = "runtime.operators.sort."
    comp["BATCH: sorted-input comparisons"] = "VariableLengthByteKeyComparator"
    comp["POJO copy between chained operators"] = "PojoSerializer.copy"
    comp["POJO serialize (to the network)"] = "PojoSerializer.serialize"
    comp["POJO deserialize (from the network)"] = "PojoSerializer.deserialize"
    comp["session join (keyed, before select)"] = "SessionJoin."
    comp["CEP"] = "org.apache.flink.cep."
    comp["alert window"] = "AlertWindowFunction."
    comp["keyed state access"] = "org.apache.flink.runtime.state."
    comp["line reading (file source)"] = "OriginTaggingLineFormat"
  }
  /jdk.ExecutionSample/ { flush(); inside = 1; stack = ""; first = ""; thread = ""; next }
  inside && /sampledThread = / { split($0, q, "\""); thread = q[2]; next }
  inside && /line:/ {
    sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, "")
    if (first == "") first = $0
    stack = stack " " $0
  }
  END {
    flush()
    printf "%d CPU samples; share of samples whose stack contains:\n", total
    for (k in comp) printf "  %5.1f %%  %s\n", 100 * hits[k] / total, k | "sort -rn"
    close("sort -rn")
    print "hottest top frames:"
    for (f in top) printf "  %5.1f %%  %s\n", 100 * top[f] / total, f | "sort -rn | head -15"
  }'
