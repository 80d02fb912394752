package org.t1573.beacon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.t1573.event.Event;

/**
 * The long beacon window. Keyed by a pair's source ({@link BeaconPairs#sourceOf}), it aggregates
 * every session per destination into a {@link PairBeacon} and, at the end of each pane in which a
 * pair had sessions, scores the pair over the window that ends there and emits the score as a
 * verdict event ({@code event.action: beacon}) that patterns select like any other event.
 *
 * <p>Sessions are applied in event-time order (buffered until the watermark passes them, so BATCH
 * and STREAMING agree); the records of one session within {@link #SESSION_HOLD_MILLIS} (Zeek's conn
 * and ssl lines share a uid) count once, with the server name of one and the bytes of the other. A source with no session for a
 * whole window is forgotten.
 */
public final class BeaconStage extends KeyedProcessFunction<String, Event, Event> {
    private static final long serialVersionUID = 1L;

    /**
     * How long a session's first record waits for the others (Zeek logs a connection's ssl line a
     * few milliseconds after its conn line): sessions are applied this much behind event time.
     */
    static final long SESSION_HOLD_MILLIS = 10_000;

    private final long paneMillis;
    private transient MapState<String, PairBeacon> pairs;
    private transient MapState<Long, List<Event>> pending;
    private transient MapState<String, Long> openSessions;

    /** {@code windowMillis}: the beacon window in milliseconds, {@link BeaconScore#BINS} panes long. */
    public BeaconStage(long windowMillis) {
        this.paneMillis = Math.max(1, windowMillis / BeaconScore.BINS);
    }

    @Override
    public void open(OpenContext ctx) {
        pairs = getRuntimeContext().getMapState(new MapStateDescriptor<>("beacon-pairs", Types.STRING,
                TypeInformation.of(PairBeacon.class)));
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("beacon-pending", Types.LONG,
                Types.LIST(TypeInformation.of(Event.class))));
        openSessions = getRuntimeContext().getMapState(new MapStateDescriptor<>("beacon-open-sessions", Types.STRING,
                Types.LONG));
    }

    @Override
    public void processElement(Event e, Context ctx, Collector<Event> out) throws Exception {
        Long opened = e.sessionId == null ? null : openSessions.get(e.sessionId);
        long due = opened != null ? opened : e.timestamp + SESSION_HOLD_MILLIS;
        List<Event> at = pending.get(due);
        if (at == null) {
            at = new ArrayList<>();
            ctx.timerService().registerEventTimeTimer(due);
            // Where the pane is scored, once its sessions are applied; registered here, as BATCH
            // runs no timer that a timer sets.
            ctx.timerService().registerEventTimeTimer(paneEnd(e.timestamp) + SESSION_HOLD_MILLIS);
        }
        if (e.sessionId != null && opened == null) {
            openSessions.put(e.sessionId, due);
        }
        at.add(e);
        pending.put(due, at);
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<Event> out) throws Exception {
        long at = time - SESSION_HOLD_MILLIS;
        if (Math.floorMod(at, paneMillis) == 0) {
            score(at, ctx.getCurrentKey(), out);
        }
        List<Event> due = pending.get(time);
        if (due != null) {
            pending.remove(time);
            due.sort(Comparator.comparing(e -> String.valueOf(e.id)));
            for (List<Event> session : sessions(due).values()) {
                if (session.get(0).sessionId != null) {
                    openSessions.remove(session.get(0).sessionId);
                }
                apply(session.stream().mapToLong(e -> e.timestamp).min().orElse(at), session);
            }
        }
    }

    /** Scores the pairs that had sessions in the pane ending at {@code end}; drops pairs gone quiet. */
    private void score(long end, String source, Collector<Event> out) throws Exception {
        long endIndex = end / paneMillis;
        List<String> quiet = new ArrayList<>();
        for (Map.Entry<String, PairBeacon> entry : pairs.entries()) {
            PairBeacon pair = entry.getValue();
            if (pair.isEmptyFrom(endIndex - BeaconScore.BINS)) {
                quiet.add(entry.getKey());
            } else if (pair.changed) {
                pair.changed = false;
                BeaconScore.Result r = pair.score(endIndex, paneMillis);
                if (r.total() != null) {
                    out.collect(BeaconPairs.verdict(end, source, entry.getKey(), pair, r, pair.sessions(endIndex)));
                }
                entry.setValue(pair);
            }
        }
        for (String q : quiet) {
            pairs.remove(q);
        }
    }

    private void apply(long time, List<Event> session) throws Exception {
        String destination = BeaconPairs.destinationOf(session);
        PairBeacon pair = pairs.get(destination);
        if (pair == null) {
            pair = new PairBeacon();
        }
        pair.add(time, BeaconPairs.bytesOf(session), paneMillis);
        pair.describe(session.get(session.size() - 1));
        pairs.put(destination, pair);
    }

    /** The records of one instant grouped by session (a record without a session id is one alone). */
    private static Map<String, List<Event>> sessions(List<Event> records) {
        Map<String, List<Event>> bySession = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Event e = records.get(i);
            bySession.computeIfAbsent(e.sessionId == null ? "#" + i : e.sessionId, k -> new ArrayList<>()).add(e);
        }
        return bySession;
    }

    private long paneEnd(long time) {
        return (Math.floorDiv(time, paneMillis) + 1) * paneMillis;
    }
}
