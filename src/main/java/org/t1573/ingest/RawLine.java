package org.t1573.ingest;

/** A raw record as read from a file or topic, with where it came from (for dead letters). */
public class RawLine {
    /** {@code path:line} for files, {@code topic/partition@offset} for Kafka. */
    public String origin;
    public String text;

    public RawLine() {}

    public RawLine(String origin, String text) {
        this.origin = origin;
        this.text = text;
    }
}
