package org.t1573.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;

/**
 * Everything a run is configured with.
 *
 * @param mode BATCH for replays of files (sorted by key and time: no late data, results do not
 *     depend on file order or parallelism), STREAMING for live sources
 * @param collectorTime use the collector's clock ({@code event.created}) as event time, for
 *     captures whose sensor clock is skewed
 * @param maxOutOfOrderness how far behind the newest event an event may arrive (STREAMING)
 * @param correctedTime with {@code collectorTime}: map the collector's clock back onto the
 *     sensor's through each host's first observed offset, so host events line up with network
 *     sensors (whose clock the sensor clock of a healthy host agrees with)
 * @param from with {@code to}: only events of event time in [from, to) are replayed (null: open)
 */
public record JobOptions(
        List<InputSpec> inputs,
        List<Path> patterns,
        Path out,
        Map<String, String> overrides,
        int parallelism,
        RuntimeExecutionMode mode,
        boolean collectorTime,
        Duration maxOutOfOrderness,
        boolean correctedTime,
        Instant from,
        Instant to) {

    /** Options without clock correction. */
    public JobOptions(List<InputSpec> inputs, List<Path> patterns, Path out, Map<String, String> overrides,
            int parallelism, RuntimeExecutionMode mode, boolean collectorTime, Duration maxOutOfOrderness) {
        this(inputs, patterns, out, overrides, parallelism, mode, collectorTime, maxOutOfOrderness, false, null, null);
    }

    /** {@code --event-time}: true for {@code collector} and {@code corrected}, false for {@code sensor}. */
    public static boolean collectorTime(String eventTime) {
        if (!eventTime.equals("sensor") && !eventTime.equals("collector") && !eventTime.equals("corrected")) {
            throw new IllegalArgumentException("--event-time must be sensor, collector or corrected, not " + eventTime);
        }
        return !eventTime.equals("sensor");
    }

    /** {@code --event-time corrected}. */
    public static boolean correctedTime(String eventTime) {
        return eventTime.equals("corrected");
    }
}
