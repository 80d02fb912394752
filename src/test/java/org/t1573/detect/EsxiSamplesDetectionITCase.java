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
 * The whole job, with every pattern of the repository, on the labelled ESXi samples (daemon logs
 * on the "esxi" channel, esxcli snapshots on "esxcli"): exactly the labelled alerts, by analytic
 * and host/daemon.
 */
class EsxiSamplesDetectionITCase extends LabelledSamplesContract {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path SAMPLES = Path.of("samples", "esxi");
    private static RunResult run;

    @BeforeAll
    static void runOnce() throws Exception {
        run = runAllPatterns(Map.of(), input("esxi", SAMPLES.resolve("logs")), input("esxcli", SAMPLES.resolve("esxcli")));
    }

    EsxiSamplesDetectionITCase() {
        super(SAMPLES, a -> a.process().entityId(), row -> row[2]);
    }

    @Override
    RunResult run() {
        return run;
    }


    @Test
    void joinsTheSnapshotRowToTheDaemonThatLoggedTheCrypto() {
        Alert an0403 = SampleLabels.alerts(run).stream().filter(a -> a.analytic().id().equals("AN0403")).findFirst()
                .orElseThrow();

        assertThat(an0403.host().name()).isEqualTo("esx01.lab");
        assertThat(an0403.summary().get("Worlds")).isEqualTo(List.of("hostd-worker"));
        assertThat(an0403.summary().get("RemoteIPs")).isEqualTo(List.of("203.0.113.80"));
        assertThat(an0403.summary().get("CryptoMessages"))
                .isEqualTo(List.of("SSLStreamImpl: cipher AES256-GCM-SHA384 selected for stream"));
    }
}
