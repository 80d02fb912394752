package org.t1573.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;
import org.t1573.event.Event;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.EventFields;
import org.t1573.pattern.SummaryItem;

/**
 * Per pattern and key (host and process): turns CEP matches into at most one alert per window.
 *
 * <p>The first matching session opens a window of the pattern's timespan. Sessions are counted
 * once each (a process that loaded five libraries yields five matches per connection), and
 * aggregated per destination. The alert is written as soon as the pattern's condition holds;
 * later sessions of the window are suppressed and counted, and if anything was added after the
 * alert, one update with the final aggregates is written when the window closes: at its end, or when the process exits
 * (ends-on). Closing clears all state of the key.
 */
public class AlertWindowFunction extends KeyedProcessFunction<String, Hit, String> {
    private static final long serialVersionUID = 1L;

    /** Evidence events kept per alert; the rest are counted in {@code evidence_truncated}. */
    static final int MAX_EVIDENCE = 25;

    private final CompiledPattern pattern;
    private transient AlertFactory factory;
    private transient ValueState<WindowState> window;
    private transient ValueState<Long> endedAt;
    private transient MapState<String, DestinationStats> destinations;
    private transient MapState<String, Boolean> seen;
    private transient MapState<String, Boolean> distinct;
    private transient ListState<Evidence> evidence;
    private transient Counter suppressedCounter;

    public AlertWindowFunction(CompiledPattern pattern) {
        this.pattern = pattern;
    }

    @Override
    public void open(OpenContext ctx) {
        factory = new AlertFactory(pattern);
        window = getRuntimeContext().getState(new ValueStateDescriptor<>("window", WindowState.class));
        endedAt = getRuntimeContext().getState(new ValueStateDescriptor<>("ended-at", Types.LONG));
        destinations = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("destinations", Types.STRING, Types.POJO(DestinationStats.class)));
        seen = getRuntimeContext().getMapState(new MapStateDescriptor<>("seen-events", Types.STRING, Types.BOOLEAN));
        distinct = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("distinct-values", Types.STRING, Types.BOOLEAN));
        evidence = getRuntimeContext().getListState(new ListStateDescriptor<>("evidence", Evidence.class));
        suppressedCounter = getRuntimeContext().getMetricGroup().counter("alertsSuppressed");
    }

    @Override
    public void processElement(Hit hit, Context ctx, Collector<String> out) throws Exception {
        if (hit.step == Hit.END_OF_KEY) {
            // Close once the watermark passes the exit: by then CEP has emitted every earlier match.
            endedAt.update(hit.event.timestamp);
            ctx.timerService().registerEventTimeTimer(hit.event.timestamp);
            return;
        }
        WindowState w = window.value();
        if (w != null && hit.matchTime >= w.end) {
            close(w, out);
            w = null;
        }
        if (w == null) {
            w = new WindowState();
            w.start = hit.matchTime;
            w.end = hit.matchTime + (pattern.window() == null ? 0 : pattern.window().toMillis());
            w.alertId = AlertFactory.alertId(pattern.id(), ctx.getCurrentKey(), w.start);
            w.first = hit.event;
            ctx.timerService().registerEventTimeTimer(w.end);
        }
        String id = hit.step + ":" + hit.event.id;
        if (!seen.contains(id)) {
            seen.put(id, true);
            w.dirty |= w.emitted;
            record(hit, w);
            if (hit.step == pattern.overStep()) {
                addSession(hit.event, w, out);
            }
        }
        window.update(w);
    }

    private void record(Hit hit, WindowState w) throws Exception {
        for (SummaryItem s : pattern.definition().summary()) {
            if (s.isDistinct() && s.step().equals(pattern.stepName(hit.step))) {
                Object v = EventFields.INSTANCE.resolve(s.field()).get(hit.event);
                if (v != null) {
                    distinct.put(s.name() + '\u001f' + v, true);
                }
            }
        }
        if (w.evidenceCount++ < MAX_EVIDENCE) {
            Event e = hit.event;
            Evidence v = new Evidence();
            v.step = pattern.stepName(hit.step);
            v.eventId = e.id;
            v.timestamp = e.timestamp;
            v.dataset = e.dataset;
            v.action = e.action;
            v.dllName = e.dllName;
            v.destinationIp = e.destinationIp;
            v.destinationPort = e.destinationPort;
            evidence.add(v);
        }
    }

    private void addSession(Event e, WindowState w, Collector<String> out) throws Exception {
        String key = DestinationStats.keyOf(e);
        DestinationStats d = destinations.get(key);
        if (d == null) {
            d = new DestinationStats();
        }
        d.add(e);
        destinations.put(key, d);
        if (w.emitted) {
            w.suppressed++;
            suppressedCounter.inc();
            return;
        }
        ConnectionStats stats = new ConnectionStats(destinationList(), pattern);
        if (pattern.alertConditionHolds(stats)) {
            w.emitted = true;
            out.collect(AlertJson.write(build("create", w)));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
        WindowState w = window.value();
        Long ended = endedAt.value();
        if (w == null) {
            endedAt.clear();
            return;
        }
        if (timestamp >= w.end || (ended != null && timestamp >= ended)) {
            close(w, out);
        }
    }

    private void close(WindowState w, Collector<String> out) throws Exception {
        if (w.emitted && w.dirty) {
            out.collect(AlertJson.write(build("update", w)));
        }
        window.clear();
        endedAt.clear();
        destinations.clear();
        seen.clear();
        distinct.clear();
        evidence.clear();
    }

    private Alert build(String activity, WindowState w) throws Exception {
        Map<String, Collection<String>> values = new HashMap<>();
        for (String k : distinct.keys()) {
            int sep = k.indexOf('\u001f');
            values.computeIfAbsent(k.substring(0, sep), x -> new ArrayList<>()).add(k.substring(sep + 1));
        }
        List<Evidence> kept = new ArrayList<>();
        evidence.get().forEach(kept::add);
        kept.sort((a, b) -> a.timestamp != b.timestamp ? Long.compare(a.timestamp, b.timestamp)
                : String.valueOf(a.eventId).compareTo(String.valueOf(b.eventId)));
        return factory.build(activity, w, destinationList(), values, kept);
    }

    private List<DestinationStats> destinationList() throws Exception {
        List<DestinationStats> list = new ArrayList<>();
        destinations.values().forEach(list::add);
        list.sort((a, b) -> Long.compare(a.first, b.first));
        return list;
    }
}
