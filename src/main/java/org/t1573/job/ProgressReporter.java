package org.t1573.job;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.t1573.backtest.InputEstimate;
import org.t1573.backtest.ProgressLine;
import org.t1573.ingest.RunCounters;

/**
 * Prints a progress line every few seconds while a bounded job runs: the records the parsers
 * counted so far (the job's live accumulators, polled through its {@link JobClient}) against the
 * input's estimated size. Close it when the job ends.
 */
public final class ProgressReporter implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "backtest-progress");
        t.setDaemon(true);
        return t;
    });

    /** Starts polling {@code client} every {@code every}; lines go to {@code err}. */
    public ProgressReporter(JobClient client, long estimatedRecords, Duration every, PrintStream err) {
        long start = System.nanoTime();
        timer.scheduleAtFixedRate(() -> {
            try {
                long read = recordsRead(client.getAccumulators().get(every.toMillis(), TimeUnit.MILLISECONDS));
                err.println(ProgressLine.format(read, estimatedRecords, Duration.ofNanos(System.nanoTime() - start)));
            } catch (Exception e) {
                // The job finished or is between states: the next tick (or close) settles it.
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Progress of a file run every 5 s on stderr, measured against the estimated size of its inputs. */
    public static ProgressReporter forRun(JobClient client, JobOptions options) throws IOException {
        List<Path> paths = options.inputs().stream().flatMap(i -> i.paths().stream()).toList();
        return new ProgressReporter(client, InputEstimate.records(paths), Duration.ofSeconds(5), System.err);
    }

    /** The sum of the per-channel record counters. */
    static long recordsRead(Map<String, Object> accumulators) {
        return accumulators.entrySet().stream().filter(e -> e.getKey().startsWith(RunCounters.RECORDS))
                .mapToLong(e -> e.getValue() instanceof Number n ? n.longValue() : 0).sum();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
