package org.t1573.job;

import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;

/**
 * Network memory for the embedded MiniCluster, sized to the job. A local run gets Flink's fixed
 * 64 MiB (2,048 buffers), but a STREAMING file run has one source per file, each chained to its
 * select, and every select sends to every pattern's CEP subtasks: buffers grow with files x
 * patterns x parallelism^2. The bundled samples (14 files, 16 patterns) failed at parallelism 2
 * with "Insufficient number of network buffers".
 */
final class LocalNetworkMemory {
    static final MemorySize FLINK_LOCAL_DEFAULT = MemorySize.ofMebiBytes(64);
    static final MemorySize CEILING = MemorySize.ofMebiBytes(1024);
    private static final long SEGMENT_BYTES = 32 * 1024;
    /**
     * Exclusive buffers per channel on the receiving side (2), the sender's buffer per
     * subpartition, a share of each gate's floating buffers, and headroom.
     */
    private static final int BUFFERS_PER_CHANNEL = 4;

    private LocalNetworkMemory() {}

    /** The network memory a local run of these options needs: Flink's default, or more for many sources. */
    static MemorySize of(JobOptions options, int patterns) {
        int sources = options.mode() == RuntimeExecutionMode.STREAMING ? fileCount(options) : options.inputs().size();
        long p = options.parallelism();
        // Every source's select sends to each pattern twice (steps to CEP; ends and descriptions to
        // the alert window), all-to-all; CEP to alert window and the sinks are the "+ 2".
        long channels = (sources + 2L) * Math.max(1, patterns) * 2 * p * p;
        long bytes = channels * BUFFERS_PER_CHANNEL * SEGMENT_BYTES;
        return new MemorySize(Math.max(FLINK_LOCAL_DEFAULT.getBytes(), Math.min(CEILING.getBytes(), bytes)));
    }

    /** The configuration of a local environment with that network memory. */
    static Configuration configuration(JobOptions options, int patterns) {
        MemorySize size = of(options, patterns);
        Configuration c = new Configuration();
        c.set(TaskManagerOptions.NETWORK_MEMORY_MIN, size);
        c.set(TaskManagerOptions.NETWORK_MEMORY_MAX, size);
        return c;
    }

    private static int fileCount(JobOptions options) {
        int n = 0;
        for (InputSpec in : options.inputs()) {
            List<java.nio.file.Path> files = FileInputs.files(in.paths());
            n += files.size();
        }
        return n;
    }
}
