package org.t1573.job;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * How a long-running job keeps its state: checkpoint interval and storage, state backend.
 * Checkpoints are exactly-once (the alert sink's transactions commit on them) and retained when
 * the job is cancelled, so a job can be restarted from its last checkpoint as from a savepoint.
 *
 * @param checkpointDir checkpoint storage URI ({@code file:///...}, {@code s3://...}); {@code null}
 *     keeps the cluster's setting
 * @param stateBackend {@code hashmap} (state on the heap) or {@code rocksdb} (state on local disk,
 *     incremental checkpoints: for many keys or long windows)
 */
public record StreamSettings(int parallelism, Duration checkpointInterval, String checkpointDir, String stateBackend) {

    /** The values of {@code --state-backend}. */
    static final List<String> STATE_BACKENDS = List.of("hashmap", "rocksdb");

    public StreamSettings {
        Parallelism.check(parallelism);
        if (!STATE_BACKENDS.contains(stateBackend)) {
            throw new IllegalArgumentException("--state-backend must be hashmap or rocksdb, not " + stateBackend);
        }
    }

    /** {@link #STATE_BACKENDS} for the help text. */
    static final class StateBackends implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return STATE_BACKENDS.iterator();
        }
    }

    /** The execution environment (the cluster's when submitted, else a local one) so configured. */
    public StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration());
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(parallelism);
        // No operator keeps or changes an event after passing it on within a chain (state holds
        // events only past a keyBy, where they are copies): chained operators may share instances.
        env.getConfig().enableObjectReuse();
        return env;
    }

    Configuration configuration() {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (checkpointDir != null) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
        }
        conf.set(StateBackendOptions.STATE_BACKEND, stateBackend);
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, stateBackend.equals("rocksdb"));
        return conf;
    }
}
