package org.t1573.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.t1573.ingest.EventTime;
import org.t1573.pattern.ParameterOverride;

/**
 * Everything a run is configured with.
 *
 * @param overrides the {@code --set} overrides, in the order given
 * @param mode BATCH for replays of files (sorted by key and time: no late data, results do not
 *     depend on file order or parallelism), STREAMING for live sources
 * @param eventTime which clock gives events of two clocks their time ({@code --event-time})
 * @param maxOutOfOrderness how far behind the newest event an event may arrive (STREAMING)
 * @param from with {@code to}: only events of event time in [from, to) are replayed (null: open)
 * @throws IllegalArgumentException for a parallelism out of {@link Parallelism}'s range or an
 *     empty time range: checked here, before anything starts
 */
public record JobOptions(
        List<InputSpec> inputs,
        List<Path> patterns,
        Path out,
        List<ParameterOverride> overrides,
        int parallelism,
        RuntimeExecutionMode mode,
        EventTime eventTime,
        Duration maxOutOfOrderness,
        Instant from,
        Instant to) {

    public JobOptions {
        Parallelism.check(parallelism);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException(
                    "--from " + from + " is not before --to " + to + ": no event is in that range");
        }
    }

    /** Options of a whole replay ({@code auto} event time, no time range). */
    public JobOptions(List<InputSpec> inputs, List<Path> patterns, Path out, List<ParameterOverride> overrides,
            int parallelism, RuntimeExecutionMode mode, Duration maxOutOfOrderness) {
        this(inputs, patterns, out, overrides, parallelism, mode, EventTime.AUTO, maxOutOfOrderness, null, null);
    }

    /** These options at another parallelism and mode. */
    public JobOptions withParallelismAndMode(int parallelism, RuntimeExecutionMode mode) {
        return new JobOptions(inputs, patterns, out, overrides, parallelism, mode, eventTime, maxOutOfOrderness, from, to);
    }
}
