package org.t1573.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;
import org.t1573.job.InputSpec;
import org.t1573.job.JobRuns;
import org.t1573.job.RunResult;

/**
 * The whole job, with every pattern of the repository, on the labelled Linux samples (osquery
 * results and raw auditd): exactly the labelled alerts, by analytic, host and pid.
 */
class LinuxSamplesDetectionITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path SAMPLES = Path.of("samples", "linux");
    private static RunResult run;

    @BeforeAll
    static void runOnce() throws Exception {
        run = runSamples(Map.of());
    }

    private static RunResult runSamples(Map<String, String> overrides) throws Exception {
        return JobRuns.runInputs(List.of(
                        new InputSpec("osquery", List.of(SAMPLES.resolve("osquery.ndjson"))),
                        new InputSpec("auditd", List.of(SAMPLES.resolve("audit.log")))),
                List.of(JobRuns.PATTERNS), overrides, 2);
    }

    @Test
    void raisesExactlyTheLabelledAlerts() throws IOException {
        assertThat(raised(run)).isEqualTo(expected());
    }

    @Test
    void writesNoDeadLetters() {
        assertThat(run.deadLetters()).isEmpty();
    }

    @Test
    void falsePositiveClassesAreSilencedByTheirBaselinesAndNearMissesByTheirConditions() throws Exception {
        RunResult withoutBaselines = runSamples(Map.of(
                "TrustedCryptoLibs", "", "ExpectedCryptoLibs", "", "WhitelistedDaemons", ""));

        assertThat(raised(withoutBaselines))
                .contains("AN0401 lnx-app-01 4100", "AN1497 lnx-web-03 6700", "AN0760 lnx-build-02 7200")
                .noneMatch(alert -> alert.endsWith(" 5200") || alert.endsWith(" 6800") || alert.equals("AN0760 lnx-build-02 7300"));
    }

    @Test
    void countsTheBeaconInOneAlertWithItsLibrary() {
        List<Alert> beacon = alerts().stream()
                .filter(a -> a.analytic().id().equals("AN0401") && Long.valueOf(31337).equals(a.process().pid()))
                .toList();

        assertThat(beacon).extracting(Alert::alertId).containsOnly(beacon.get(0).alertId());
        Alert last = beacon.get(beacon.size() - 1);
        assertThat(last.summary().get("ConnectionCount")).isEqualTo(10);
        assertThat(last.summary().get("CryptoLibsLoaded")).isEqualTo(List.of("/usr/lib/x86_64-linux-gnu/libcrypto.so.3"));
        assertThat(last.summary().get("BytesObserved")).isEqualTo(false);
    }

    private static List<Alert> alerts() {
        return alerts(run);
    }

    private static List<Alert> alerts(RunResult r) {
        return r.alerts().stream().map(AlertJson::read).toList();
    }

    /** analytic id, host and pid of every created alert. */
    private static Set<String> raised(RunResult r) {
        return alerts(r).stream().filter(a -> a.activity().equals("create"))
                .map(a -> a.analytic().id() + " " + a.host().name() + " " + a.process().pid())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** From labels.csv: one entry per expected analytic, host and pid. */
    private static Set<String> expected() throws IOException {
        Set<String> out = new TreeSet<>();
        List<String> lines = Files.readAllLines(SAMPLES.resolve("labels.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            for (String analytic : f[7].trim().split(" ")) {
                if (!analytic.isEmpty()) {
                    out.add(analytic + " " + f[1] + " " + f[2]);
                }
            }
        }
        return out;
    }
}
