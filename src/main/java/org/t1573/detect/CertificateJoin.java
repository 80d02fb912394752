package org.t1573.detect;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.t1573.event.Event;
import org.t1573.event.EventAction;

/**
 * Keyed by certificate id (Zeek file id or fingerprint): gives each TLS handshake the subject,
 * issuer, validity and self_issued of its certificate record. Zeek >= 4 writes those to x509.log,
 * a separate file (and reader) from ssl.log, so the join cannot happen in the parser. A handshake
 * whose certificate has not been seen waits up to {@link #WAIT_MILLIS} of event time for it (Zeek
 * writes both with the same ts); the certificate is kept for later handshakes that reuse it.
 */
final class CertificateJoin extends KeyedProcessFunction<String, Event, Event> {
    private static final long serialVersionUID = 1L;

    /** How long a handshake waits for its certificate record. */
    static final long WAIT_MILLIS = 60_000L;

    private transient ValueState<Event> certificate;
    private transient ListState<Event> waiting;

    /** Whether the event takes part: a handshake or certificate that names its certificate. */
    static boolean applies(Event e) {
        return e.certificateId != null && (EventAction.TLS_HANDSHAKE.matches(e) || EventAction.CERTIFICATE.matches(e));
    }

    @Override
    public void open(OpenContext ctx) {
        certificate = getRuntimeContext().getState(new ValueStateDescriptor<>("certificate", Event.class));
        waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting-handshakes", Event.class));
    }

    @Override
    public void processElement(Event e, Context ctx, Collector<Event> out) throws Exception {
        if (EventAction.CERTIFICATE.matches(e)) {
            certificate.update(e);
            List<Event> joined = new ArrayList<>();
            for (Event h : waiting.get()) {
                FieldCopy.fill(h, e, FieldCopy.CERTIFICATE);
                joined.add(h);
            }
            // Written back: a state backend that serialises (RocksDB) does not see changes in place.
            waiting.update(joined);
            out.collect(e);
            return;
        }
        Event cert = certificate.value();
        if (cert != null) {
            FieldCopy.fill(e, cert, FieldCopy.CERTIFICATE);
        }
        waiting.add(e);
        ctx.timerService().registerEventTimeTimer(e.timestamp + WAIT_MILLIS);
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<Event> out) throws Exception {
        List<Event> keep = new ArrayList<>();
        for (Event h : waiting.get()) {
            if (h.timestamp + WAIT_MILLIS <= time) {
                out.collect(h);
            } else {
                keep.add(h);
            }
        }
        waiting.update(keep);
    }
}
