package org.t1573.ingest;

import java.io.Serializable;
import java.util.function.Consumer;
import org.t1573.event.Event;

/**
 * Turns one raw record of a channel (a line of a file, a Kafka message) into zero or more
 * normalised events. Zero is fine for a well-formed record of a kind no analytic uses (it is
 * reported ignored, with why); a record
 * that cannot be read throws {@link MalformedRecordException} and goes to the dead letters.
 *
 * <p>Implementations may keep state between records of one stream (a Zeek {@code #fields}
 * header, an auditd multi-record event), so one instance serves one reader.
 */
public interface RecordParser extends Serializable {
    /** The ignore reason of an empty or whitespace-only line, on every channel that tells it. */
    String BLANK_LINE = "blank line";
    /** The ignore reason of a comment or header line ({@code # host ...}, a table header). */
    String HEADER_LINE = "header line";

    /**
     * Parses one record. A well-formed record that gives no event (a header, an event code no
     * analytic uses, a line folded into a multi-line event) is reported to {@code ignored} with
     * why, so that every record read is counted as an event, an ignored record or a dead letter.
     * A reason is one of a few fixed texts (it names a counter).
     */
    void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException;

    /** {@link #parse(String, Consumer, Consumer)} for callers that do not count ignored records. */
    default void parse(String record, Consumer<Event> out) throws MalformedRecordException {
        parse(record, out, reason -> { });
    }

    /**
     * The input (a file, a split) has ended: emit what is still held (the last auditd event; one
     * that gives nothing is reported to {@code ignored}) and forget per-input state (a Zeek header,
     * an esxcli snapshot), so the next file starts clean.
     */
    default void endOfInput(Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {}

    /** {@link #endOfInput(Consumer, Consumer)} for callers that do not count ignored records. */
    default void endOfInput(Consumer<Event> out) throws MalformedRecordException {
        endOfInput(out, reason -> { });
    }
}
