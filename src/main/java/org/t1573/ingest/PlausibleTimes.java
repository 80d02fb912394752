package org.t1573.ingest;

import java.time.Instant;
import org.t1573.event.Event;

/**
 * Event times no sensor can have written: more than a day ahead of the clock ({@link
 * FutureEvents}, reason {@code future}) or before {@link #FLOOR}, the day before the Unix epoch
 * (reason {@code pre-epoch}: a year 0001 is a zeroed or unset clock, and in BATCH it would open
 * every window of its key two thousand years early). Both clocks of a record are checked, the
 * sensor's and the collector's, since {@link HostClocks} may put the event on either.
 */
public final class PlausibleTimes {
    /** 1969-12-31T00:00:00Z: a day of slack before the epoch for clocks a time zone behind. */
    public static final long FLOOR = Instant.parse("1969-12-31T00:00:00Z").toEpochMilli();

    private PlausibleTimes() {}

    /** Why the event's sensor or collector time cannot be true at {@code now}, or null. */
    public static String problem(Event e, long now) {
        String sensor = problem(e.timestamp, now);
        return sensor != null || e.created == null ? sensor : problem(e.created, now);
    }

    /** Why {@code timestamp} cannot be an event's time at {@code now}, or null. */
    public static String problem(long timestamp, long now) {
        if (FutureEvents.isFuture(timestamp, now)) {
            return FutureEvents.reason(timestamp, now);
        }
        if (timestamp < FLOOR) {
            return "pre-epoch: event time " + Instant.ofEpochMilli(timestamp) + " is before "
                    + Instant.ofEpochMilli(FLOOR);
        }
        return null;
    }
}
