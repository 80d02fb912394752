package org.t1573.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
class SamplesDetectionITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path SAMPLES = Path.of("samples", "windows");
    private static RunResult atParallelism2;

    @BeforeAll
    static void runOnce() throws Exception {
        atParallelism2 = JobRuns.run(List.of(SAMPLES), Map.of(), 2);
    }

    @Test
    void raisesExactlyTheLabelledAlerts() throws IOException {
        assertThat(raised(atParallelism2)).isEqualTo(expected());
    }

    @Test
    void writesNoDeadLetters() {
        assertThat(atParallelism2.deadLetters()).isEmpty();
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

    /** analytic id + process (ProcessGuid, or pid@start for Defender) of every created alert. */
    static Set<String> raised(RunResult r) {
        return r.alerts().stream().map(AlertJson::read).filter(a -> a.activity().equals("create"))
                .map(a -> a.analytic().id() + " " + processOf(a)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String processOf(Alert a) {
        return a.process().entityId() != null ? a.process().entityId()
                : a.process().pid() + "@" + a.process().start();
    }

    /** From labels.csv: one entry per expected analytic and process. */
    private static Set<String> expected() throws IOException {
        Set<String> out = new TreeSet<>();
        List<String> lines = Files.readAllLines(SAMPLES.resolve("labels.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String process = f[2];
            int at = process.indexOf('@');
            if (at > 0) {
                process = process.substring(0, at) + "@"
                        + Instant.parse(process.substring(at + 1)).truncatedTo(ChronoUnit.MILLIS);
            }
            for (String analytic : f[7].trim().split(" ")) {
                if (!analytic.isEmpty()) {
                    out.add(analytic + " " + process);
                }
            }
        }
        return out;
    }
}
