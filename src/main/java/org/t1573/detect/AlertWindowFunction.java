package org.t1573.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;
import org.t1573.event.Event;
import org.t1573.event.NetworkDirection;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.EventFieldResolver;
import org.t1573.pattern.SummaryItem;

/**
 * Per pattern and key (host and process): turns CEP matches into at most one alert per window.
 *
 * <p>Records are buffered until the watermark passes their time and then applied in event-time
 * order (matches of one instant in a fixed order), so the output depends neither on arrival order
 * nor on processing speed: batch and streaming runs write the same lines.
 *
 * <p>The first match opens a window of the pattern's timespan. Sessions are counted once each (a
 * process that loaded five libraries yields five matches per connection) and aggregated per
 * destination. When the pattern's condition first holds, the alert is written with every match of
 * that instant; later sessions of the window are suppressed and counted. If anything was added
 * after the alert, one update with the final aggregates is written when the window closes: at its
 * end, or when the process exits (ends-on). Closing clears all state of the key but one: with
 * {@code suppress-for}, windows that open within that long of an alert's window start continue
 * the alert (same id, updates only), so a key alerts at most once per that period.
 *
 * <p>An event that describes the key (the pattern's {@code context}: a process start) is kept for
 * one timespan; a window opened meanwhile starts its description of host, user, process and
 * parent from it, and every matched event adds the fields still missing.
 */
public class AlertWindowFunction extends KeyedProcessFunction<GroupKey, MatchRecord, String> {
    private static final long serialVersionUID = 1L;

    /** Evidence events kept per alert (the earliest); the rest are counted in {@code evidence_truncated}. */
    static final int MAX_EVIDENCE = 25;

    private static final Comparator<Evidence> EVIDENCE_ORDER = Comparator.<Evidence>comparingLong(v -> v.timestamp)
            .thenComparing(v -> String.valueOf(v.eventId)).thenComparing(v -> v.step);

    /** Descriptions, then matches, then ends; by their events' ids: a fixed order for records of one instant. */
    private static final Comparator<MatchRecord> RECORD_ORDER = Comparator.<MatchRecord, Boolean>comparing(m -> m.end)
            .thenComparing(m -> !m.context).thenComparing(AlertWindowFunction::idsOf);

    private final CompiledPattern pattern;
    private transient AlertFactory factory;
    private transient ValueState<WindowState> window;
    private transient ValueState<Long> endedAt;
    private transient ValueState<Event> description;
    private transient MapState<Long, List<MatchRecord>> buffer;
    /** The alert later windows continue ({@code suppress-for}): its id and until when. */
    private transient ValueState<String> continuedAlert;
    private transient ValueState<Long> continuedUntil;
    /** The timers of the running onTimer call; alerts are only written from there. */
    private transient TimerService timerService;
    private transient Counter suppressedCounter;

    public AlertWindowFunction(CompiledPattern pattern) {
        this.pattern = pattern;
    }

    @Override
    public void open(OpenContext ctx) {
        factory = new AlertFactory(pattern);
        window = getRuntimeContext().getState(new ValueStateDescriptor<>("window", WindowState.class));
        endedAt = getRuntimeContext().getState(new ValueStateDescriptor<>("ended-at", Types.LONG));
        description = getRuntimeContext().getState(new ValueStateDescriptor<>("description", Event.class));
        buffer = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending-matches", Types.LONG,
                Types.LIST(TypeInformation.of(MatchRecord.class))));
        suppressedCounter = getRuntimeContext().getMetricGroup().counter("alertsSuppressed");
        continuedAlert = getRuntimeContext().getState(new ValueStateDescriptor<>("continued-alert", Types.STRING));
        continuedUntil = getRuntimeContext().getState(new ValueStateDescriptor<>("continued-until", Types.LONG));
    }

    /**
     * How far behind its own time a match can arrive: CEP emits a match that ends in an absent
     * step only once the timespan has passed without the absent event, so records are applied and
     * windows closed that much later (timers run on event time plus this delay), and a late match
     * still finds its window open. In BATCH only the order of timers matters, and it is kept.
     */
    private long delay() {
        return pattern.stepAbsent(pattern.stepCount() - 1) ? windowMillis() : 0;
    }

    @Override
    public void processElement(MatchRecord m, Context ctx, Collector<String> out) throws Exception {
        List<MatchRecord> at = buffer.get(m.matchTime);
        if (at == null) {
            at = new ArrayList<>();
            ctx.timerService().registerEventTimeTimer(m.matchTime + delay());
            // The end of the window this record may open. Registered here, not when the window
            // opens in onTimer: batch execution does not fire timers registered by timers.
            // For a description, the end of its retention.
            if (!m.end && pattern.window() != null) {
                ctx.timerService().registerEventTimeTimer(m.matchTime + windowMillis() + delay());
            }
        }
        at.add(m);
        buffer.put(m.matchTime, at);
    }

    @Override
    public void onTimer(long timerTime, OnTimerContext ctx, Collector<String> out) throws Exception {
        timerService = ctx.timerService();
        long timestamp = timerTime - delay();
        List<MatchRecord> due = buffer.get(timestamp);
        if (due != null) {
            buffer.remove(timestamp);
            due.sort(RECORD_ORDER);
            for (MatchRecord m : due) {
                apply(m, ctx, out);
            }
        }
        WindowState w = window.value();
        Long ended = endedAt.value();
        Event described = description.value();
        if (described != null && (timestamp >= described.timestamp + windowMillis()
                || (ended != null && timestamp >= ended))) {
            description.clear();
        }
        Long until = continuedUntil.value();
        if (until != null && timestamp >= until) {
            continuedAlert.clear();
            continuedUntil.clear();
        }
        if (w == null) {
            endedAt.clear();
            return;
        }
        if (w.pending) {
            emit("create", w, out);
        }
        if (timestamp >= w.end || (ended != null && timestamp >= ended)) {
            close(w, out);
        } else {
            window.update(w);
        }
    }

    private void apply(MatchRecord m, OnTimerContext ctx, Collector<String> out) throws Exception {
        if (m.end) {
            endedAt.update(m.matchTime);
            return;
        }
        if (m.context) {
            description.update(m.events[0]);
            return;
        }
        WindowState w = window.value();
        if (w != null && m.matchTime >= w.end) {
            close(w, out);
            w = null;
        }
        if (w == null) {
            w = new WindowState();
            w.start = m.matchTime;
            w.end = m.matchTime + (pattern.window() == null ? 0 : pattern.window().toMillis());
            // From the group-by values, not the key's hash: ids stay what they were before keys were hashed.
            w.alertId = AlertFactory.alertId(pattern.id(), pattern.key(m.events[0]), w.start);
            Long until = continuedUntil.value();
            if (until != null && m.matchTime < until) {
                // Within suppress-for of the key's last alert: this window continues it.
                w.alertId = continuedAlert.value();
                w.continues = true;
            }
            Event described = description.value();
            w.description = new Event();
            if (described != null) {
                FieldCopy.fill(w.description, described, FieldCopy.DESCRIPTION);
            }
        }
        boolean newSession = false;
        for (int i = 0; i < m.events.length; i++) {
            Event e = m.events[i];
            if (!w.markSeen(m.steps[i], e.id)) {
                continue;
            }
            w.dirty |= w.emitted;
            if (w.first == null || e.timestamp < w.first.timestamp
                    || (e.timestamp == w.first.timestamp && String.valueOf(e.id).compareTo(String.valueOf(w.first.id)) < 0)) {
                w.first = e;
            }
            FieldCopy.fill(w.description, e, FieldCopy.DESCRIPTION);
            record(m.steps[i], e, w);
            if (m.steps[i] == pattern.overStep()) {
                addSession(e, w);
                newSession = true;
            }
        }
        if (newSession && !w.pending && !w.emitted
                && pattern.alertConditionHolds(new ConnectionStats(destinationList(w), pattern, w.start, w.end))) {
            w.pending = true;
            w.sessionsAtTrigger = w.sessions;
        }
        window.update(w);
    }

    private long windowMillis() {
        return pattern.window() == null ? 0 : pattern.window().toMillis();
    }

    private void record(int step, Event e, WindowState w) {
        for (SummaryItem s : pattern.definition().summary()) {
            if (s.isDistinct() && s.step().equals(pattern.stepName(step))) {
                Object v = EventFieldResolver.INSTANCE.resolve(s.field()).get(e);
                if (v != null) {
                    w.addDistinct(s.name() + '\u001f' + v);
                }
            }
        }
        w.evidenceCount++;
        w.addEvidence(evidenceOf(step, e), EVIDENCE_ORDER, MAX_EVIDENCE);
    }

    private Evidence evidenceOf(int step, Event e) {
        Evidence v = new Evidence();
        v.step = pattern.stepName(step);
        v.eventId = e.id;
        v.timestamp = e.timestamp;
        v.dataset = e.dataset;
        v.action = e.action;
        v.dllName = e.dllName;
        v.destinationIp = e.destinationIp;
        v.destinationPort = e.destinationPort;
        v.sessionId = e.sessionId;
        v.bytesOut = e.bytesOut;
        v.bytesIn = e.bytesIn;
        v.payloadEntropy = e.payloadEntropy;
        v.tlsVersion = e.tlsVersion;
        v.serverName = e.tlsServerName;
        v.certificateSubject = e.x509Subject;
        v.certificateIssuer = e.x509Issuer;
        v.certificateSelfIssued = e.x509SelfIssued;
        v.ja3 = e.tlsJa3;
        v.processName = e.processName;
        v.processPid = e.processPid;
        return v;
    }

    private void addSession(Event e, WindowState w) {
        // The source of an outgoing session is the host: network analytics know their host by it.
        if (w.description.hostIp == null && !NetworkDirection.INBOUND.value().equals(e.networkDirection)) {
            w.description.hostIp = e.sourceIp;
        }
        w.destinationOf(e).add(e, DestinationStats.highEntropyThreshold(pattern.parameters()), pattern.strongEvidence(e));
        w.sessions++;
        if (w.pending || w.emitted) {
            suppressedCounter.inc();
        }
    }

    private void close(WindowState w, Collector<String> out) throws Exception {
        if (w.pending) {
            emit("create", w, out);
        } else if (w.emitted && w.dirty) {
            out.collect(AlertJson.write(build("update", w)));
        }
        window.clear();
        endedAt.clear();
    }

    /**
     * Writes the window's alert; a window that continues an earlier alert writes one update when
     * it closes instead, with its final aggregates.
     */
    private void emit(String activity, WindowState w, Collector<String> out) throws Exception {
        w.pending = false;
        w.emitted = true;
        w.dirty = w.continues;
        if (w.continues) {
            return;
        }
        out.collect(AlertJson.write(build(activity, w)));
        if (pattern.suppression() != null) {
            continuedAlert.update(w.alertId);
            continuedUntil.update(w.start + pattern.suppression().toMillis());
            // Forgets the alert once it is over (STREAMING; a BATCH run ends with its key anyway).
            timerService.registerEventTimeTimer(w.start + pattern.suppression().toMillis() + delay());
        }
    }

    private static String idsOf(MatchRecord m) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < m.events.length; i++) {
            sb.append(m.steps[i]).append(':').append(m.events[i].id).append('|');
        }
        return sb.toString();
    }

    private Alert build(String activity, WindowState w) {
        Map<String, Collection<String>> values = new HashMap<>();
        for (String k : w.distinct) {
            int sep = k.indexOf('\u001f');
            values.computeIfAbsent(k.substring(0, sep), x -> new ArrayList<>()).add(k.substring(sep + 1));
        }
        return factory.build(activity, w, destinationList(w), values, List.of(w.evidence));
    }

    private static List<DestinationStats> destinationList(WindowState w) {
        List<DestinationStats> list = new ArrayList<>(List.of(w.destinations));
        list.sort(Comparator.comparingLong((DestinationStats d) -> d.first).thenComparing(d -> d.ip + "|" + d.port));
        return list;
    }
}
