package org.t1573.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.t1573.alert.Alert;
import org.t1573.job.JobRuns;
import org.t1573.job.RunResult;

/**
 * The whole job, with every pattern of the repository, on the labelled Linux samples (osquery
 * results and raw auditd): exactly the labelled alerts, by analytic, host and pid.
 */
class LinuxSamplesDetectionITCase extends LabelledSamplesContract {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path SAMPLES = Path.of("samples", "linux");
    private static RunResult run;

    @BeforeAll
    static void runOnce() throws Exception {
        run = runSamples(Map.of());
    }

    private static RunResult runSamples(Map<String, String> overrides) throws Exception {
        return runAllPatterns(overrides,
                input("osquery", SAMPLES.resolve("osquery.ndjson")), input("auditd", SAMPLES.resolve("audit.log")));
    }

    /** Alerts and labels are keyed by host and pid. */
    LinuxSamplesDetectionITCase() {
        super(SAMPLES, a -> a.host().name() + " " + a.process().pid(), row -> row[1] + " " + row[2]);
    }

    @Override
    RunResult run() {
        return run;
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
        List<Alert> beacon = SampleLabels.alerts(run).stream()
                .filter(a -> a.analytic().id().equals("AN0401") && Long.valueOf(31337).equals(a.process().pid()))
                .toList();

        assertThat(beacon).extracting(Alert::alertId).containsOnly(beacon.get(0).alertId());
        Alert last = beacon.get(beacon.size() - 1);
        assertThat(last.summary().get("ConnectionCount")).isEqualTo(10);
        assertThat(last.summary().get("CryptoLibsLoaded")).isEqualTo(List.of("/usr/lib/x86_64-linux-gnu/libcrypto.so.3"));
        assertThat(last.summary().get("BytesObserved")).isEqualTo(false);
    }
}
