package org.t1573.ingest;

import java.time.Duration;
import java.time.Instant;

/**
 * Events dated more than {@link #MAX_AHEAD} (a day) ahead of this machine's clock, which no
 * sensor can have seen: archives are in the past, and a live sensor's clock is off by seconds,
 * not days. The parse step makes each a dead letter with reason {@code future}, so that it never
 * reaches a watermark: in STREAMING one event of the year 9999 would move its source's watermark
 * to 9999 and make every later event late.
 */
public final class FutureEvents {
    public static final Duration MAX_AHEAD = Duration.ofDays(1);

    private FutureEvents() {}

    /** Whether {@code timestamp} is too far ahead of the wall clock's {@code now} (their sum cannot overflow). */
    public static boolean isFuture(long timestamp, long now) {
        return timestamp > now + MAX_AHEAD.toMillis();
    }

    /** The dead-letter reason of such an event. */
    public static String reason(long timestamp, long now) {
        return "future: event time " + Instant.ofEpochMilli(timestamp) + " is more than " + MAX_AHEAD.toHours()
                + " h ahead of the clock (" + Instant.ofEpochMilli(now) + ")";
    }
}
