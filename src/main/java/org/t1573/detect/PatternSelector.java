package org.t1573.detect;

import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.t1573.event.Event;
import org.t1573.pattern.CompiledPattern;

/**
 * The select stage: evaluates every loaded pattern's step predicates once per event and sends
 * the event, marked with the steps it satisfies, to the side output of its pattern's group
 * ({@link MatchGroups}: one per group-by), and an event that ends or describes a key to the
 * pattern's own side output ({@link #outputOf}). Events that
 * satisfy nothing are dropped here, before any shuffle (most telemetry is benign). Events behind
 * the watermark go to the late output instead of vanishing in CEP.
 */
public class PatternSelector extends ProcessFunction<Event, Selected> {
    private static final long serialVersionUID = 1L;

    /** The late-events output. */
    public static final OutputTag<Event> LATE = new OutputTag<>("late-events") {};

    private final List<CompiledPattern> patterns;
    private final StepMarker marker;
    private transient Counter dropped;
    private transient Counter late;

    public PatternSelector(List<CompiledPattern> patterns, List<OutputTag<Selected>> outputs) {
        this.patterns = List.copyOf(patterns);
        this.marker = new StepMarker(outputs, MatchGroups.of(patterns));
    }

    /** The side output carrying the selected events of one pattern. */
    public static OutputTag<Selected> outputOf(CompiledPattern p) {
        return new OutputTag<>("selected-" + p.id()) {};
    }

    @Override
    public void open(OpenContext ctx) {
        dropped = getRuntimeContext().getMetricGroup().counter("eventsDropped");
        late = getRuntimeContext().getMetricGroup().counter("eventsLate");
    }

    @Override
    public void processElement(Event e, Context ctx, Collector<Selected> out) {
        if (e.timestamp < ctx.timerService().currentWatermark()) {
            late.inc();
            ctx.output(LATE, e);
            return;
        }
        boolean any = marker.mark(e, patterns, ctx::output);
        if (!any) {
            dropped.inc();
        }
    }
}
