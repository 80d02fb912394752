package org.t1573.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.t1573.pattern.ParameterOverride;
import org.t1573.pattern.PatternSet;

/** Test helpers: a shared MiniCluster, and runs of the real job over files. */
public final class JobRuns {
    /** Default pattern directory of the repository. */
    public static final Path PATTERNS = Path.of("patterns");

    private static List<String> bundledSampleAlerts;

    private JobRuns() {}

    /**
     * The native alert lines of the run with no arguments (every platform's samples, every
     * pattern), run once per test JVM: the alert formats' tests read the same real alerts.
     */
    public static synchronized List<String> bundledSampleAlerts() throws Exception {
        if (bundledSampleAlerts == null) {
            JobOptions options = JobOptionsFactory.of(Main.BUNDLED_SAMPLES, List.of(PATTERNS), Map.of(),
                    Path.of("target", "test-out", "bundled-samples"));
            bundledSampleAlerts = List.copyOf(LocalRun.execute(options, PatternSet.load(options.patterns(), Map.of()))
                    .alerts());
        }
        return bundledSampleAlerts;
    }

    /**
     * One TaskManager with four slots, enough for parallelism 4, and the network memory a local
     * run of the bundled samples gets at that parallelism (LocalNetworkMemory).
     */
    public static MiniClusterExtension miniCluster() {
        Configuration c = new Configuration();
        MemorySize network = LocalNetworkMemory.of(
                JobOptionsFactory.of(Main.BUNDLED_SAMPLES, List.of(PATTERNS), Map.of(), Path.of("target", "test-out"))
                        .withParallelismAndMode(4, RuntimeExecutionMode.STREAMING), patternFiles());
        c.set(TaskManagerOptions.NETWORK_MEMORY_MIN, network);
        c.set(TaskManagerOptions.NETWORK_MEMORY_MAX, network);
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(c).setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());
    }

    private static int patternFiles() {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(PATTERNS)) {
            return (int) files.filter(f -> f.toString().endsWith(".yml") && !f.toString().endsWith(".tests.yml")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static RunResult run(List<Path> inputs, Map<String, String> overrides, int parallelism,
            RuntimeExecutionMode mode, Duration maxOutOfOrderness) throws Exception {
        PatternSet patterns = PatternSet.load(List.of(PATTERNS), overrides);
        JobOptions options = new JobOptions(List.of(new InputSpec("windows", inputs)), List.of(PATTERNS),
                Path.of("target", "test-out"), ParameterOverride.replacing(overrides), parallelism, mode, maxOutOfOrderness);
        return LocalRun.execute(options, patterns);
    }

    public static RunResult run(List<Path> inputs, Map<String, String> overrides, int parallelism) throws Exception {
        return run(inputs, overrides, parallelism, RuntimeExecutionMode.BATCH, Duration.ofMinutes(1));
    }

    /** A batch run over inputs of any channels, with the patterns of the given directories. */
    public static RunResult runInputs(List<InputSpec> inputs, List<Path> patternDirs, Map<String, String> overrides,
            int parallelism) throws Exception {
        PatternSet patterns = PatternSet.load(patternDirs, overrides);
        JobOptions options = new JobOptions(inputs, patternDirs, Path.of("target", "test-out"),
                ParameterOverride.replacing(overrides), parallelism, RuntimeExecutionMode.BATCH, Duration.ofMinutes(1));
        return LocalRun.execute(options, patterns);
    }
}
