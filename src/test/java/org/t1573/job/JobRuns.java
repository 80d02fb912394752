package org.t1573.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.t1573.pattern.PatternSet;

/** Test helpers: a shared MiniCluster, and runs of the real job over files. */
public final class JobRuns {
    /** Default pattern directory of the repository. */
    public static final Path PATTERNS = Path.of("patterns");

    private JobRuns() {}

    /** One TaskManager with four slots, enough for parallelism 4. */
    public static MiniClusterExtension miniCluster() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());
    }

    public static RunResult run(List<Path> inputs, Map<String, String> overrides, int parallelism,
            RuntimeExecutionMode mode, Duration maxOutOfOrderness) throws Exception {
        PatternSet patterns = PatternSet.load(List.of(PATTERNS), overrides);
        JobOptions options = new JobOptions(List.of(new InputSpec("windows", inputs)), List.of(PATTERNS),
                Path.of("target", "test-out"), overrides, parallelism, mode, maxOutOfOrderness);
        return LocalRun.execute(options, patterns);
    }

    public static RunResult run(List<Path> inputs, Map<String, String> overrides, int parallelism) throws Exception {
        return run(inputs, overrides, parallelism, RuntimeExecutionMode.BATCH, Duration.ofMinutes(1));
    }

    /** A batch run over inputs of any channels, with the patterns of the given directories. */
    public static RunResult runInputs(List<InputSpec> inputs, List<Path> patternDirs, Map<String, String> overrides,
            int parallelism) throws Exception {
        PatternSet patterns = PatternSet.load(patternDirs, overrides);
        JobOptions options = new JobOptions(inputs, patternDirs, Path.of("target", "test-out"), overrides, parallelism,
                RuntimeExecutionMode.BATCH, Duration.ofMinutes(1));
        return LocalRun.execute(options, patterns);
    }
}
