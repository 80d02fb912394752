package org.t1573.ingest.linux;

import java.util.LinkedHashMap;
import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;

/**
 * Raw {@code audit.log} lines (channel {@code auditd}). The records of one event share an
 * {@code audit(time:serial)} id; a busy kernel writes the records of concurrent events
 * interleaved, so records are grouped by that id, not by adjacency. An event is complete at its
 * PROCTITLE (the kernel writes it last) or EOE record, or at the end of the input; the EOE after
 * a PROCTITLE opens an event of its own that gives nothing. At most {@link #MAX_OPEN_EVENTS} are
 * open at once: a record that opens one more first completes the oldest, which is emitted with
 * what it has, as at the end of the input.
 */
public class AuditdParser implements RecordParser {
    private static final long serialVersionUID = 1L;

    /**
     * Events open at once. Concurrent events interleave by a few (one per CPU writing at the same
     * time); what stays open is mostly single-record events that have no EOE (USER_LOGIN, AVC),
     * and they give nothing, so completing the oldest beyond this loses nothing while memory and
     * the delay of an event without EOE stay bounded.
     */
    static final int MAX_OPEN_EVENTS = 64;

    private final LinkedHashMap<String, AuditEvent> open = new LinkedHashMap<>();

    @Override
    public void parse(String record, Consumer<Event> out) throws MalformedRecordException {
        if (record.isBlank()) {
            return;
        }
        AuditRecord r = AuditRecord.parse(record, AuditEvent.SOURCE);
        String key = r.eventKey();
        AuditEvent event = open.get(key);
        if (event == null) {
            if (open.size() >= MAX_OPEN_EVENTS) {
                finish(open.keySet().iterator().next(), out);
            }
            event = new AuditEvent(r);
            open.put(key, event);
        }
        event.add(r);
        if ("PROCTITLE".equals(r.type()) || "EOE".equals(r.type())) {
            finish(key, out);
        }
    }

    @Override
    public void endOfInput(Consumer<Event> out) {
        open.values().forEach(e -> emit(e, out));
        open.clear();
    }

    private void finish(String key, Consumer<Event> out) {
        emit(open.remove(key), out);
    }

    private static void emit(AuditEvent pending, Consumer<Event> out) {
        Event e = pending.finish();
        if (e != null) {
            out.accept(e);
        }
    }
}
