package org.t1573.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;
import org.t1573.job.JobRuns;
import org.t1573.job.RunResult;

/**
 * The whole job on the bundled, labelled samples: exactly the labelled alerts, the same at
 * parallelism 1 and 4, and in batch and streaming mode.
 */
class SamplesDetectionITCase extends LabelledSamplesContract {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path SAMPLES = Path.of("samples", "windows");
    private static RunResult atParallelism2;

    @BeforeAll
    static void runOnce() throws Exception {
        atParallelism2 = JobRuns.run(List.of(SAMPLES), Map.of(), 2);
    }

    /** Alerts and labels are keyed by ProcessGuid, or pid@start for Defender. */
    SamplesDetectionITCase() {
        super(SAMPLES, SamplesDetectionITCase::processOf, SamplesDetectionITCase::processOf);
    }

    @Override
    RunResult run() {
        return atParallelism2;
    }

    @Test
    void givesIdenticalAlertsAtParallelism1And4() throws Exception {
        RunResult p1 = JobRuns.run(List.of(SAMPLES), Map.of(), 1);
        RunResult p4 = JobRuns.run(List.of(SAMPLES), Map.of(), 4);
        assertThat(p4.alerts()).isEqualTo(p1.alerts()).isEqualTo(atParallelism2.alerts());
    }

    @Test
    void streamingModeWritesTheSameAlertsAsBatch() throws Exception {
        RunResult streaming = JobRuns.run(List.of(SAMPLES), Map.of(), 2, RuntimeExecutionMode.STREAMING,
                Duration.ofMinutes(1));
        assertThat(streaming.deadLetters()).as("no event is late: every file has its own watermark").isEmpty();
        assertThat(streaming.alerts()).isEqualTo(atParallelism2.alerts());
    }

    @Test
    void countsBeaconRepeatsInOneAlertPerWindow() {
        List<Alert> beacon = atParallelism2.alerts().stream().map(AlertJson::read)
                .filter(a -> a.analytic().id().equals("AN0400") && "rundll32.exe".equals(a.process().name()))
                .collect(Collectors.toList());
        assertThat(beacon).extracting(Alert::alertId).containsOnly(beacon.get(0).alertId());
        Alert update = beacon.get(beacon.size() - 1);
        assertThat(update.summary().get("ConnectionCount")).isEqualTo(15);
        assertThat(update.suppressedRepeats()).isEqualTo(14);
        assertThat(update.summary().get("BeaconLikely")).isEqualTo(true);
        assertThat(update.summary().get("CryptoLibsLoaded")).isEqualTo(List.of("bcryptprimitives.dll", "rsaenh.dll"));
    }

    private static String processOf(Alert a) {
        return a.process().entityId() != null ? a.process().entityId()
                : a.process().pid() + "@" + a.process().start();
    }

    /** A label's process, its start cut to the milliseconds alerts carry. */
    private static String processOf(String[] row) {
        String process = row[2];
        int at = process.indexOf('@');
        return at > 0
                ? process.substring(0, at) + "@" + Instant.parse(process.substring(at + 1)).truncatedTo(ChronoUnit.MILLIS)
                : process;
    }
}
