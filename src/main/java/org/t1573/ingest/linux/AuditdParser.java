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
 *
 * <p>Accounting: the record that completes an event stands for it (an event, or ignored as
 * {@link #UNUSED_EVENT}); every other record is ignored as {@link #FOLDED}. An event completed
 * without such a record (at the end of the input, or as the oldest open) adds one outcome.
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

    static final String BLANK = "blank line";
    static final String FOLDED = "record folded into its event";
    static final String UNUSED_EVENT = "event no analytic uses";

    private final LinkedHashMap<String, AuditEvent> open = new LinkedHashMap<>();

    @Override
    public void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        if (record.isBlank()) {
            ignored.accept(BLANK);
            return;
        }
        AuditRecord r = AuditRecord.parse(record, AuditEvent.SOURCE);
        String key = r.eventKey();
        AuditEvent event = open.get(key);
        if (event == null) {
            if (open.size() >= MAX_OPEN_EVENTS) {
                finish(open.keySet().iterator().next(), out, ignored);
            }
            event = new AuditEvent(r);
            open.put(key, event);
        }
        event.add(r);
        if ("PROCTITLE".equals(r.type()) || "EOE".equals(r.type())) {
            finish(key, out, ignored);
        } else {
            ignored.accept(FOLDED);
        }
    }

    @Override
    public void endOfInput(Consumer<Event> out, Consumer<String> ignored) {
        open.values().forEach(e -> emit(e, out, ignored));
        open.clear();
    }

    private void finish(String key, Consumer<Event> out, Consumer<String> ignored) {
        emit(open.remove(key), out, ignored);
    }

    private static void emit(AuditEvent pending, Consumer<Event> out, Consumer<String> ignored) {
        Event e = pending.finish();
        if (e != null) {
            out.accept(e);
        } else {
            ignored.accept(UNUSED_EVENT);
        }
    }
}
