package org.t1573.job;

import java.nio.file.Path;
import java.time.Duration;
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
 */
public record JobOptions(
        List<InputSpec> inputs,
        List<Path> patterns,
        Path out,
        Map<String, String> overrides,
        int parallelism,
        RuntimeExecutionMode mode,
        boolean collectorTime,
        Duration maxOutOfOrderness) {

    /** {@code --event-time}: true for {@code collector}, false for {@code sensor}. */
    public static boolean collectorTime(String eventTime) {
        if (!eventTime.equals("sensor") && !eventTime.equals("collector")) {
            throw new IllegalArgumentException("--event-time must be sensor or collector, not " + eventTime);
        }
        return eventTime.equals("collector");
    }
}
