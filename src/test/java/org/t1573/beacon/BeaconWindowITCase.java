package org.t1573.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;
import org.t1573.job.InputSpec;
import org.t1573.job.JobOptions;
import org.t1573.job.JobRuns;
import org.t1573.job.LocalRun;
import org.t1573.pattern.PatternSet;

/**
 * The beacon window in the job, on RITA's proxy-beacon capture: one alert for the beacon pair for
 * its day, scored at least as RITA scores it (0.979), none for browsing through the same proxy;
 * the same lines at parallelism 1 and 4, BATCH and STREAMING.
 */
class BeaconWindowITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path RITA = Path.of("..", "shared", "data", "network_zeek", "rita_proxy_beacon");
    private static final Path PATTERN = Path.of("patterns", "network", "T1573-BEACON.yml");
    private static final double RITA_BEACON = 0.979;

    @Test
    void ritasBeaconIsOneAlertForItsDayScoredAsRitaScoresIt() throws Exception {
        List<Alert> alerts = run(1, RuntimeExecutionMode.BATCH).stream().map(AlertJson::read).toList();

        assertThat(alerts.stream().map(Alert::alertId).distinct()).hasSize(1);
        Alert last = alerts.get(alerts.size() - 1);
        assertThat(last.summary().get("Destination")).isEqualTo(List.of("www.honestimnotevil.com"));
        assertThat(((Number) last.summary().get("BeaconScore")).doubleValue()).isGreaterThanOrEqualTo(RITA_BEACON);
    }

    @Test
    void everyParallelismAndModeWritesTheSameLines() throws Exception {
        List<String> batch = run(1, RuntimeExecutionMode.BATCH);
        assertThat(batch).isNotEmpty();
        assertThat(run(4, RuntimeExecutionMode.BATCH)).isEqualTo(batch);
        assertThat(run(1, RuntimeExecutionMode.STREAMING)).isEqualTo(batch);
        assertThat(run(4, RuntimeExecutionMode.STREAMING)).isEqualTo(batch);
    }

    private static List<String> run(int parallelism, RuntimeExecutionMode mode) throws Exception {
        JobOptions options = new JobOptions(List.of(new InputSpec("zeek", List.of(RITA))), List.of(PATTERN),
                Path.of("target", "test-out"), List.of(), parallelism, mode, Duration.ofMinutes(1));
        return LocalRun.execute(options, PatternSet.load(options.patterns(), Map.of())).alerts();
    }
}
