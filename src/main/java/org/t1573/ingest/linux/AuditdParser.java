package org.t1573.ingest.linux;

import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;

/**
 * Raw {@code audit.log} lines (channel {@code auditd}). The records of one event share an
 * {@code audit(time:serial)} id and are written one after another; the event is complete at its
 * PROCTITLE (the kernel writes it last) or EOE record, when a record of another event starts,
 * or at the end of the input.
 */
public class AuditdParser implements RecordParser {
    private static final long serialVersionUID = 1L;

    private AuditEvent pending;
    private String finishedKey;

    @Override
    public void parse(String record, Consumer<Event> out) throws MalformedRecordException {
        if (record.isBlank()) {
            return;
        }
        AuditRecord r = AuditRecord.parse(record, AuditEvent.SOURCE);
        String key = r.eventKey();
        if (pending != null && !pending.key().equals(key)) {
            finish(out);
        }
        if (pending == null) {
            if (key.equals(finishedKey)) {
                return; // the EOE after a PROCTITLE, or a late record of an event already emitted
            }
            pending = new AuditEvent(r);
        }
        pending.add(r);
        if ("PROCTITLE".equals(r.type()) || "EOE".equals(r.type())) {
            finish(out);
        }
    }

    @Override
    public void endOfInput(Consumer<Event> out) {
        if (pending != null) {
            finish(out);
        }
        finishedKey = null;
    }

    private void finish(Consumer<Event> out) {
        Event e = pending.finish();
        finishedKey = pending.key();
        pending = null;
        if (e != null) {
            out.accept(e);
        }
    }
}
