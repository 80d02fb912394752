package org.t1573.ingest;

import java.util.Locale;

/**
 * The longest record a parser is given: {@value #MAX_CHARS} characters (1 MiB), the largest
 * message Kafka and Azure Event Hubs take by default; the longest record of the real captures in
 * {@code ../shared/data} has 13,393. A longer record is a dead letter without being parsed.
 */
public final class RecordLimit {
    public static final int MAX_CHARS = 1 << 20;

    private RecordLimit() {}

    /** Whether a record of {@code chars} characters is over the limit. */
    public static boolean exceededBy(long chars) {
        return chars > MAX_CHARS;
    }

    /** The dead-letter reason of a record over the limit. */
    public static String reason(long chars) {
        return String.format(Locale.ROOT, "record of %,d characters is over the limit of %,d: not parsed", chars,
                MAX_CHARS);
    }
}
