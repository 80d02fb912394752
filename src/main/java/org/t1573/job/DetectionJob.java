package org.t1573.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.t1573.beacon.BeaconPairs;
import org.t1573.detect.DetectionGraph;
import org.t1573.detect.NetworkEnrichment;
import org.t1573.event.Event;
import org.t1573.event.EventField;
import org.t1573.ingest.DeadLetter;
import org.t1573.pattern.ParameterUpdate;
import org.t1573.pattern.PatternSet;

/**
 * Assembles the job: parsed, event-timed inputs go through {@link DetectionGraph}. Sources and
 * sinks are attached by the caller ({@link FileInputs} for files, {@code KafkaInputs} for topics),
 * so the same graph serves the embedded run, backtests, the cluster job and tests.
 */
public final class DetectionJob {

    /**
     * What sources deliver: events with event-time timestamps and watermarks, one stream per
     * source, and the records that could not be parsed. The event streams stay apart so that the
     * select stage runs in each source's chain: an operator behind a union cannot chain, and every
     * event would cross a network channel before most of them are dropped.
     */
    public record Inputs(List<DataStream<Event>> events, DataStream<DeadLetter> deadLetters) {

        public Inputs(DataStream<Event> events, DataStream<DeadLetter> deadLetters) {
            this(List.of(events), deadLetters);
        }

        /** The inputs of all channels. */
        public static Inputs union(List<Inputs> channels) {
            List<DataStream<Event>> events = new ArrayList<>(channels.get(0).events);
            DataStream<DeadLetter> dead = channels.get(0).deadLetters;
            for (Inputs c : channels.subList(1, channels.size())) {
                events.addAll(c.events);
                dead = dead.union(c.deadLetters);
            }
            return new Inputs(List.copyOf(events), dead);
        }
    }

    /** The job's outputs before sinks: alert JSON lines and dead letters (bad or late records). */
    public record Outputs(DataStream<String> alerts, DataStream<DeadLetter> deadLetters) {}

    private DetectionJob() {}

    /**
     * The job over the files of {@code options}, in its runtime mode and parallelism, with the
     * patterns of the platforms those files' channels carry ({@link PlatformScope}).
     */
    public static Outputs build(StreamExecutionEnvironment env, JobOptions options, PatternSet patterns) {
        env.setRuntimeMode(options.mode());
        env.setParallelism(options.parallelism());
        // No operator keeps or changes an event after passing it on within a chain (state holds
        // events only past a keyBy, where they are copies): chained operators may share instances.
        env.getConfig().enableObjectReuse();
        Set<String> channels = new TreeSet<>();
        options.inputs().forEach(in -> channels.add(in.channel()));
        return build(FileInputs.attach(env, options), PlatformScope.of(patterns, channels), channels);
    }

    /**
     * The job over any inputs of the given channels: detection (with the network joins those
     * channels can use), plus late events turned into dead letters.
     */
    public static Outputs build(Inputs inputs, PatternSet patterns, Set<String> channels) {
        return build(inputs, patterns, channels, null);
    }

    /**
     * The same, with step parameters updated while running from {@code updates} (null: fixed);
     * rejected updates are dead letters with their reason.
     */
    public static Outputs build(Inputs inputs, PatternSet patterns, Set<String> channels,
            DataStream<ParameterUpdate> updates) {
        DetectionGraph.Result detected = DetectionGraph.buildEnriched(
                BeaconPairs.attach(NetworkEnrichment.apply(inputs.events(), channels), patterns), patterns, updates);
        DataStream<DeadLetter> dead = detected.late().map(DetectionJob::lateLetter).name("late events")
                .union(inputs.deadLetters());
        if (detected.rejected() != null) {
            dead = dead.union(detected.rejected().map(u -> new DeadLetter("parameters", u.origin,
                    "parameter update rejected: " + u.rejectedBecause, u.key() + "=" + u.value))
                    .name("rejected parameter updates"));
        }
        return new Outputs(detected.alerts(), dead);
    }

    private static DeadLetter lateLetter(Event e) {
        return new DeadLetter(e.dataset, e.id, "late: event time " + Instant.ofEpochMilli(e.timestamp)
                + " is behind the watermark (more out of order than --max-out-of-orderness, or a skewed clock)",
                EventField.describe(e));
    }
}
