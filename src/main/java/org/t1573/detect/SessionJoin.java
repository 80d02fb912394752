package org.t1573.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.t1573.event.Event;
import org.t1573.event.EventAction;
import org.t1573.event.EventField;

/**
 * Host-to-network correlation. Keyed by the session's endpoints (source ip and port, destination
 * ip and port), it joins a host's connection event (Sysmon 3, Defender, auditd connect, esxcli)
 * with the network sensor's records of the same session (Zeek conn/ssl, Suricata flow/tls, NetFlow)
 * whose times lie within the tolerance: the host event gains the session's bytes, entropy,
 * session id, handshake and certificate; the network records gain the process and host; a
 * handshake record gains its flow's bytes, duration and state. The transport must agree where
 * both sides name it (Zeek ssl.log does not); two sensor records must name the same session.
 *
 * <p>Every event is held for the tolerance of event time so that a counterpart from the other
 * side, however the two clocks interleave, is seen before it is released; of several candidates
 * the nearest in time is taken. Clocks that disagree by more than the tolerance do not join:
 * correct them first ({@code --event-time corrected}; the run summary reports skew).
 */
final class SessionJoin extends KeyedProcessFunction<String, Event, Event> {
    private static final long serialVersionUID = 1L;

    private final long toleranceMillis;
    private transient ListState<Event> pending;
    private transient ListState<Event> released;

    SessionJoin(long toleranceMillis) {
        this.toleranceMillis = toleranceMillis;
    }

    /** Whether the event describes one session with both endpoints known. */
    static boolean applies(Event e) {
        return (isHost(e) || isNetwork(e)) && e.sourceIp != null && e.sourcePort != null
                && e.destinationIp != null && e.destinationPort != null;
    }

    static String keyOf(Event e) {
        return e.sourceIp + '|' + e.sourcePort + '|' + e.destinationIp + '|' + e.destinationPort;
    }

    private static boolean isHost(Event e) {
        return EventAction.NETWORK_CONNECTION.matches(e);
    }

    private static boolean isNetwork(Event e) {
        return EventAction.FLOW.matches(e) || EventAction.TLS_HANDSHAKE.matches(e);
    }

    @Override
    public void open(OpenContext ctx) {
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending", Event.class));
        released = getRuntimeContext().getListState(new ListStateDescriptor<>("released", Event.class));
    }

    @Override
    public void processElement(Event e, Context ctx, Collector<Event> out) throws Exception {
        pending.add(e);
        ctx.timerService().registerEventTimeTimer(e.timestamp + toleranceMillis);
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<Event> out) throws Exception {
        List<Event> waiting = new ArrayList<>();
        pending.get().forEach(waiting::add);
        List<Event> before = new ArrayList<>();
        released.get().forEach(before::add);
        List<Event> all = new ArrayList<>(waiting);
        all.addAll(before);
        List<Event> stillPending = new ArrayList<>();
        List<Event> stillReleased = new ArrayList<>();
        for (Event e : waiting) {
            if (e.timestamp + toleranceMillis > time) {
                stillPending.add(e);
                continue;
            }
            if (isHost(e)) {
                join(e, nearest(e, all, EventAction.FLOW), FieldCopy.SESSION);
                join(e, nearest(e, all, EventAction.TLS_HANDSHAKE), FieldCopy.SESSION);
            } else {
                join(e, nearest(e, all, EventAction.NETWORK_CONNECTION), FieldCopy.PROCESS);
            }
            if (EventAction.TLS_HANDSHAKE.matches(e)) {
                // The handshake gets its session's bytes, duration and state (HandshakeTimeout).
                join(e, nearest(e, all, EventAction.FLOW), FieldCopy.FLOW);
            }
            out.collect(e);
            stillReleased.add(e);
        }
        // A released event stays a candidate for counterparts up to one tolerance later.
        for (Event e : before) {
            if (e.timestamp + 2 * toleranceMillis > time) {
                stillReleased.add(e);
            }
        }
        pending.update(stillPending);
        released.update(stillReleased);
        if (!stillReleased.isEmpty()) {
            ctx.timerService().registerEventTimeTimer(time + toleranceMillis);
        }
    }

    private static void join(Event target, Event source, Set<EventField> fields) {
        if (source != null) {
            FieldCopy.fill(target, source, fields);
        }
    }

    private Event nearest(Event e, List<Event> candidates, EventAction action) {
        Event best = null;
        for (Event c : candidates) {
            long gap = Math.abs(c.timestamp - e.timestamp);
            if (action.matches(c) && gap <= toleranceMillis && transportAgrees(e, c) && sameSession(e, c)
                    && (best == null || gap < Math.abs(best.timestamp - e.timestamp))) {
                best = c;
            }
        }
        return best;
    }

    /** Two sensor records name their session (Zeek uid, Suricata flow_id): then it must be the same. */
    private static boolean sameSession(Event a, Event b) {
        return isHost(a) || isHost(b) || a.sessionId == null || b.sessionId == null
                || a.sessionId.equals(b.sessionId);
    }

    private static boolean transportAgrees(Event a, Event b) {
        return a.networkTransport == null || b.networkTransport == null
                || Objects.equals(a.networkTransport.toLowerCase(Locale.ROOT),
                        b.networkTransport.toLowerCase(Locale.ROOT));
    }
}
