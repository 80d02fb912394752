package org.t1573.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Hands one NFA's matches to its pattern's process function, whose records go to the NFA's side
 * output with the match's time as their timestamp (as {@code CepOperator} stamps them), and is that
 * function's {@link PatternProcessFunction.Context}.
 */
final class MatchOutput<IN, OUT> implements PatternProcessFunction.Context, Collector<OUT> {
    private final Output<StreamRecord<Void>> output;
    private final OutputTag<OUT> tag;
    private final InternalTimerService<?> timers;
    private long timestamp;

    MatchOutput(Output<StreamRecord<Void>> output, OutputTag<OUT> tag, InternalTimerService<?> timers) {
        this.output = output;
        this.tag = tag;
        this.timers = timers;
    }

    void emit(PatternProcessFunction<IN, OUT> function, Collection<Map<String, List<IN>>> found, long time)
            throws Exception {
        timestamp = time;
        for (Map<String, List<IN>> match : found) {
            function.processMatch(match, this, this);
        }
    }

    @Override
    public void collect(OUT record) {
        output.collect(tag, new StreamRecord<>(record, timestamp));
    }

    @Override
    public void close() {
        // The operator's output is closed by the operator.
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
        output.collect(outputTag, new StreamRecord<>(value, timestamp));
    }

    @Override
    public long timestamp() {
        return timestamp;
    }

    @Override
    public long currentProcessingTime() {
        return timers.currentProcessingTime();
    }
}
