package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.t1573.pattern.PatternSet;

/**
 * Event time everywhere: the run with no arguments (every platform's samples, every pattern)
 * writes the same alert lines in BATCH and STREAMING at parallelism 1, 2 and 4. STREAMING runs
 * one source per file: this is also the run whose network buffers outgrew the MiniCluster's
 * default, and the one where AN0404's matches, which CEP emits a timespan late (absent handshake),
 * arrived after their window had closed.
 */
class BundledSamplesEveryModeITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    @TempDir
    static Path out;

    private static List<String> batch;

    @BeforeAll
    static void runBatchOnce() throws Exception {
        batch = run(RuntimeExecutionMode.BATCH, 2);
        assertThat(batch).as("the samples raise alerts of every platform").hasSizeGreaterThan(30);
    }

    @ParameterizedTest(name = "{0} at parallelism {1}")
    @CsvSource({"BATCH, 1", "BATCH, 4", "STREAMING, 1", "STREAMING, 2", "STREAMING, 4"})
    void writesTheSameAlertLinesAsBatchAtParallelism2(RuntimeExecutionMode mode, int parallelism) throws Exception {
        assertThat(run(mode, parallelism)).isEqualTo(batch);
    }

    private static List<String> run(RuntimeExecutionMode mode, int parallelism) throws Exception {
        JobOptions base = JobOptionsFactory.of(Main.BUNDLED_SAMPLES, List.of(JobRuns.PATTERNS), Map.of(),
                out.resolve(mode + "-" + parallelism));
        JobOptions options = base.withParallelismAndMode(parallelism, mode);
        List<String> alerts = new ArrayList<>(LocalRun.execute(options, PatternSet.load(options.patterns(), Map.of()))
                .alerts());
        alerts.sort(null);
        return alerts;
    }
}
