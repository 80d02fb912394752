package org.t1573.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.t1573.event.Event;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.ParameterUpdate;
import org.t1573.pattern.ParameterValues;
import org.t1573.pattern.PatternCompiler;
import org.t1573.pattern.PatternLoadException;

/**
 * The select stage with parameters that change while the job runs: allowlists and thresholds
 * arrive as {@link ParameterUpdate}s on a broadcast stream, are validated by recompiling the
 * patterns they touch, and replace the step predicates at once on every parallel instance. An
 * update that does not compile, names no loaded parameter, or changes a pattern's timespan (which
 * shapes the CEP graph: that needs a savepoint and a restart) is rejected with its reason, and
 * the previous values stay. Accepted values live in broadcast state, so they survive restarts.
 */
public class LiveParameterSelector extends BroadcastProcessFunction<Event, ParameterUpdate, Selected> {
    private static final long serialVersionUID = 1L;

    /** Accepted overrides by {@code PatternId.Name}. */
    public static final MapStateDescriptor<String, String> OVERRIDES =
            new MapStateDescriptor<>("parameter-overrides", Types.STRING, Types.STRING);

    /** Rejected updates, with their reason. */
    public static final OutputTag<ParameterUpdate> REJECTED = new OutputTag<>("rejected-parameter-updates") {};

    private final List<CompiledPattern> initial;
    private final StepMarker marker;
    private transient List<CompiledPattern> current;
    private transient Counter dropped;
    private transient Counter late;
    private transient Counter updates;
    private transient Counter rejections;

    public LiveParameterSelector(List<CompiledPattern> patterns, List<OutputTag<Selected>> outputs) {
        this.initial = List.copyOf(patterns);
        this.marker = new StepMarker(outputs, MatchGroups.of(patterns));
    }

    @Override
    public void open(OpenContext ctx) {
        dropped = getRuntimeContext().getMetricGroup().counter("eventsDropped");
        late = getRuntimeContext().getMetricGroup().counter("eventsLate");
        updates = getRuntimeContext().getMetricGroup().counter("parameterUpdates");
        rejections = getRuntimeContext().getMetricGroup().counter("parameterRejections");
    }

    @Override
    public void processElement(Event e, ReadOnlyContext ctx, Collector<Selected> out) throws Exception {
        if (current == null) {
            // After a restore the accepted overrides are in broadcast state, not yet compiled.
            current = compileAll(ctx.getBroadcastState(OVERRIDES).immutableEntries());
        }
        if (e.timestamp < ctx.currentWatermark()) {
            late.inc();
            ctx.output(PatternSelector.LATE, e);
            return;
        }
        if (!marker.mark(e, current, ctx::output)) {
            dropped.inc();
        }
    }

    @Override
    public void processBroadcastElement(ParameterUpdate u, Context ctx, Collector<Selected> out) throws Exception {
        BroadcastState<String, String> state = ctx.getBroadcastState(OVERRIDES);
        if (current == null) {
            current = compileAll(state.immutableEntries());
        }
        String reason = u.rejectedBecause;
        List<CompiledPattern> next = new ArrayList<>(current);
        List<String> keys = new ArrayList<>();
        for (int i = 0; reason == null && i < next.size(); i++) {
            CompiledPattern p = next.get(i);
            boolean targeted = u.patternId.equals(p.id()) || u.patternId.equals(ParameterUpdate.ALL_PATTERNS);
            if (!targeted || !p.parameters().has(u.name)) {
                continue;
            }
            if (("$" + u.name).equals(p.definition().timespan())) {
                reason = u.name + " is the timespan of " + p.id() + ": it shapes the CEP graph, change it with a "
                        + "savepoint and a restart";
                continue;
            }
            try {
                next.set(i, PatternCompiler.compile(p.definition(), p.parameters().with(u.name, u.value)));
                keys.add(p.id() + "." + u.name);
            } catch (IllegalArgumentException ex) {
                reason = p.id() + "." + u.name + ": " + ex.getMessage();
            } catch (PatternLoadException ex) {
                reason = ex.errors().get(0).reason();
            }
        }
        if (reason == null && keys.isEmpty()) {
            reason = "no loaded pattern has a parameter " + u.key();
        }
        if (reason != null) {
            rejections.inc();
            ParameterUpdate rejected = new ParameterUpdate(u.patternId, u.name, u.value, u.origin);
            rejected.rejectedBecause = reason;
            ctx.output(REJECTED, rejected);
            return;
        }
        for (String k : keys) {
            state.put(k, u.value);
        }
        current = next;
        updates.inc();
    }

    private List<CompiledPattern> compileAll(Iterable<Map.Entry<String, String>> overrides) throws PatternLoadException {
        List<CompiledPattern> out = new ArrayList<>(initial);
        for (Map.Entry<String, String> o : overrides) {
            int dot = o.getKey().lastIndexOf('.');
            String id = o.getKey().substring(0, dot);
            for (int i = 0; i < out.size(); i++) {
                CompiledPattern p = out.get(i);
                if (p.id().equals(id)) {
                    ParameterValues values = p.parameters().with(o.getKey().substring(dot + 1), o.getValue());
                    out.set(i, PatternCompiler.compile(p.definition(), values));
                }
            }
        }
        return out;
    }
}
