package org.t1573.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.t1573.pattern.ParameterOverride;
import org.t1573.pattern.PatternSet;

/**
 * {@code suppress-for}: AN1500 on RITA's proxy beacon (unknown_ca every ~4 minutes for 28 hours)
 * raises one alert a day, continued hour by hour with updates; with the suppression no longer than
 * the timespan, every hour window is an alert of its own. The same lines in BATCH and STREAMING.
 */
class AlertSuppressionITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path RITA = Path.of("..", "shared", "data", "network_zeek", "rita_proxy_beacon");
    private static final Path AN1500 = Path.of("patterns", "network", "AN1500.yml");
    private static final String PROXY_PORT = "PortProfiles=@file:patterns/services/tls-ports.csv,"
            + "@file:patterns/services/starttls-ports.csv,3128";

    @Test
    void aPairThatPersistsAllDayIsOneAlertADay() throws Exception {
        List<Alert> daily = alerts(run(RuntimeExecutionMode.BATCH));
        List<Alert> hourly = alerts(run(RuntimeExecutionMode.BATCH, "AlertSuppression=1h"));

        long hourWindows = hourly.stream().map(Alert::alertId).distinct().count();
        assertThat(hourWindows).as("hour windows that alert on their own").isGreaterThan(24);
        // 28 hours of data: the day of the first alert, then one more.
        assertThat(daily.stream().map(Alert::alertId).distinct()).hasSize(2);
        assertThat(daily.stream().filter(a -> "create".equals(a.activity()))).hasSize(2);
        assertThat(daily).hasSizeGreaterThanOrEqualTo((int) hourWindows);
    }

    @Test
    void streamingWritesTheSameLines() throws Exception {
        assertThat(run(RuntimeExecutionMode.STREAMING)).isEqualTo(run(RuntimeExecutionMode.BATCH));
    }

    private static List<Alert> alerts(List<String> lines) {
        return lines.stream().map(AlertJson::read).toList();
    }

    private static List<String> run(RuntimeExecutionMode mode, String... sets) throws Exception {
        List<ParameterOverride> overrides = new ArrayList<>();
        overrides.add(ParameterOverride.parse(PROXY_PORT));
        overrides.add(ParameterOverride.parse("InternalNetworks=127.0.0.0/8"));
        for (String s : sets) {
            overrides.add(ParameterOverride.parse(s));
        }
        JobOptions options = new JobOptions(List.of(new InputSpec("zeek", List.of(RITA))), List.of(AN1500),
                Path.of("target", "test-out"), overrides, 2, mode, Duration.ofMinutes(1));
        return LocalRun.execute(options, PatternSet.load(options.patterns(), overrides)).alerts();
    }
}
