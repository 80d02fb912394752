package org.t1573.ingest;

/** A raw record as read from a file or topic, with where it came from (for dead letters). */
public class RawLine {
    /** {@code path:line} for files, {@code topic/partition@offset} for Kafka. */
    public String origin;
    /** The record, or null for the end of the input named by {@link #origin}. */
    public String text;

    public RawLine() {}

    public RawLine(String origin, String text) {
        this.origin = origin;
        this.text = text;
    }

    /** The marker that ends an input. */
    public static RawLine endOf(String origin) {
        return new RawLine(origin, null);
    }

    public boolean isEndOfInput() {
        return text == null;
    }
}
