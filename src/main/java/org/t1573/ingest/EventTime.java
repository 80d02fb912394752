package org.t1573.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which clock gives an event its time ({@code --event-time}), for records that carry two: the
 * sensor's (Sysmon {@code UtcTime}) and the collector's ({@code TimeCreated}, {@code @timestamp}:
 * when the record was written). Records with one clock keep it in every mode.
 */
public enum EventTime {
    /**
     * The sensor's time, except for the event codes of a host whose sensor time disagrees with the
     * host's other codes (see {@link HostClocks}): those are put on the host's consistent clock.
     */
    AUTO,
    /** The sensor's time as recorded. */
    SENSOR,
    /** The collector's time: for captures whose sensor clock is skewed everywhere. */
    COLLECTOR,
    /** The collector's time moved onto the sensor clock by each host's first offset between the two. */
    CORRECTED;

    /** The mode a command-line word names; IllegalArgumentException listing the words otherwise. */
    public static EventTime of(String word) {
        try {
            return valueOf(word.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--event-time must be one of " + words() + ", not " + word);
        }
    }

    /** The command-line words, in order. */
    public static String words() {
        return Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
