package org.t1573.ingest;

/** A raw record as read from a file or topic, with where it came from (for dead letters). */
public class RawLine {
    /** {@code path:line} for files, {@code topic/partition@offset} for Kafka. */
    public String origin;
    /** The record, or null for the end of the input named by {@link #origin}. */
    public String text;
    /**
     * The record's length in characters: more than {@link #text} holds when the reader kept only
     * the start of a record over {@link RecordLimit#MAX_CHARS}.
     */
    public long chars;

    public RawLine() {}

    public RawLine(String origin, String text) {
        this(origin, text, text == null ? 0 : text.length());
    }

    public RawLine(String origin, String text, long chars) {
        this.origin = origin;
        this.text = text;
        this.chars = chars;
    }

    /** The marker that ends an input. */
    public static RawLine endOf(String origin) {
        return new RawLine(origin, null);
    }

    public boolean isEndOfInput() {
        return text == null;
    }
}
