package org.t1573.pattern;

import java.util.LinkedHashMap;
import java.util.Map;
import org.t1573.event.FieldType;

/**
 * The aggregates the engine keeps per host, process and destination over the sessions of an
 * alert window. Alert conditions, scores and summaries in pattern files name them; the
 * README's alert schema documents each.
 */
public enum Aggregate {
    CONNECTIONS_COUNT("connections.count", FieldType.LONG),
    /** Sessions that satisfy the pattern's {@code aggregate.strong} predicate: evidence enough alone. */
    CONNECTIONS_STRONG("connections.strong", FieldType.LONG),
    CONNECTIONS_BYTES_OUT("connections.bytes_out", FieldType.LONG),
    CONNECTIONS_BYTES_IN("connections.bytes_in", FieldType.LONG),
    CONNECTIONS_BYTES_TOTAL("connections.bytes_total", FieldType.LONG),
    CONNECTIONS_DATA_MB("connections.data_mb", FieldType.DOUBLE),
    /** Bytes sent over bytes received (received counted as at least 1): above 1 the client sends more. */
    CONNECTIONS_ASYMMETRY_RATIO("connections.asymmetry_ratio", FieldType.DOUBLE),
    CONNECTIONS_FIRST("connections.first", FieldType.TIME),
    CONNECTIONS_LAST("connections.last", FieldType.TIME),
    CONNECTIONS_DURATION_SECONDS("connections.duration_seconds", FieldType.DOUBLE),
    /** Minute boundaries crossed between first and last, as KQL's {@code datetime_diff('minute', ...)}. */
    CONNECTIONS_DURATION_MINUTES("connections.duration_minutes", FieldType.LONG),
    BYTES_OBSERVED("bytes.observed", FieldType.BOOLEAN),
    DESTINATIONS_COUNT("destinations.count", FieldType.LONG),
    INTERVALS_MEAN_SECONDS("intervals.mean_seconds", FieldType.DOUBLE),
    INTERVALS_MEDIAN_SECONDS("intervals.median_seconds", FieldType.DOUBLE),
    INTERVALS_MAD_SECONDS("intervals.mad_seconds", FieldType.DOUBLE),
    /** Coefficient of variation of the intervals: standard deviation over mean. */
    INTERVALS_CV("intervals.cv", FieldType.DOUBLE),
    /** The seed query's coarse {@code DurationMinutes * 60 / (ConnectionCount - 1)}. */
    INTERVALS_KQL_AVG_SECONDS("intervals.kql_avg_seconds", FieldType.DOUBLE),
    /** The seed query's rule: mean interval within [BeaconMinIntervalSeconds, BeaconMaxIntervalSeconds] and count >= BeaconMinConnections. */
    BEACON_LIKELY("beacon.likely", FieldType.BOOLEAN),
    /**
     * RITA-style beacon score in [0, 1] (interval and size regularity, histogram, duration over the
     * alert window), the highest of the window's destinations; absent below 4 sessions.
     */
    BEACON_SCORE("beacon.score", FieldType.DOUBLE),
    /**
     * The highest score of the window's beacon verdicts (the pair's RITA score over the long
     * BeaconWindow, {@code beacon.window.score} of each verdict); absent without verdicts.
     */
    BEACON_WINDOW_MAX_SCORE("beacon.window.max_score", FieldType.DOUBLE),
    ENTROPY_OBSERVED("entropy.observed", FieldType.BOOLEAN),
    ENTROPY_MEAN("entropy.mean", FieldType.DOUBLE),
    ENTROPY_MAX("entropy.max", FieldType.DOUBLE),
    /**
     * Sessions whose payload entropy reached the pattern's EntropyThreshold or
     * PayloadEntropyThreshold; absent where the pattern has neither or no entropy was observed.
     */
    ENTROPY_HIGH_SESSIONS("entropy.high_sessions", FieldType.LONG);

    private static final Map<String, Aggregate> BY_NAME = new LinkedHashMap<>();

    static {
        for (Aggregate a : values()) {
            BY_NAME.put(a.name, a);
        }
    }

    private final String name;
    private final FieldType type;

    Aggregate(String name, FieldType type) {
        this.name = name;
        this.type = type;
    }

    public String ecsName() {
        return name;
    }

    public FieldType type() {
        return type;
    }

    public static Aggregate byName(String name) {
        return BY_NAME.get(name);
    }

    public static Map<String, Aggregate> all() {
        return BY_NAME;
    }
}
