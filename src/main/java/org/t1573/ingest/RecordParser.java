package org.t1573.ingest;

import java.io.Serializable;
import java.util.function.Consumer;
import org.t1573.event.Event;

/**
 * Turns one raw record of a channel (a line of a file, a Kafka message) into zero or more
 * normalised events. Zero is fine for a well-formed record of a kind no analytic uses; a record
 * that cannot be read throws {@link MalformedRecordException} and goes to the dead letters.
 *
 * <p>Implementations may keep state between records of one stream (a Zeek {@code #fields}
 * header, an auditd multi-record event), so one instance serves one reader.
 */
public interface RecordParser extends Serializable {

    void parse(String record, Consumer<Event> out) throws MalformedRecordException;

    /**
     * Like {@link #parse(String, Consumer)}, and a well-formed record that gives no event (a
     * header, a summary line) is reported to {@code ignored} with why, so that every record read
     * is counted as an event, an ignored record or a dead letter. A reason is one of a few fixed
     * texts (it names a counter). Parsers that tell their ignored records override this method.
     */
    default void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        parse(record, out);
    }

    /**
     * The input (a file, a split) has ended: emit what is still held (the last auditd event) and
     * forget per-input state (a Zeek header, an esxcli snapshot), so the next file starts clean.
     */
    default void endOfInput(Consumer<Event> out) throws MalformedRecordException {}
}
