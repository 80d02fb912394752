package org.t1573.ingest;

/** Names of the accumulators a run reports in its summary; each is a prefix followed by a qualifier. */
public final class RunCounters {
    public static final String RECORDS = "records|";
    public static final String EVENTS = "events|";
    public static final String DEAD_LETTERS = "dead-letters|";
    /** Well-formed records that give no event, per channel; and per channel and reason, as "channel reason". */
    public static final String IGNORED = "ignored|";
    public static final String IGNORED_BY_REASON = "ignored-reason|";
    public static final String SKEW_COUNT = "clock-skew-count|";
    public static final String SKEW_MILLIS = "clock-skew-millis|";
    /** Events that {@code --event-time auto} put on their host's write clock, per host and event code. */
    public static final String RETIMED = "retimed|";

    private RunCounters() {}
}
