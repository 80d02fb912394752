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
 * The whole job, with every pattern of the repository, on the labelled macOS samples (one Mac
 * exported as ndjson, one as a JSON array): exactly the labelled alerts, by analytic and process.
 */
class MacosSamplesDetectionITCase extends LabelledSamplesContract {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path SAMPLES = Path.of("samples", "macos");
    private static RunResult run;

    @BeforeAll
    static void runOnce() throws Exception {
        run = runAllPatterns(Map.of(), input("macos", SAMPLES));
    }

    MacosSamplesDetectionITCase() {
        super(SAMPLES, a -> a.process().entityId(), row -> row[2]);
    }

    @Override
    RunResult run() {
        return run;
    }


    @Test
    void countsEachBeaconConnectionOnceAndNamesTheCryptoCall() {
        List<Alert> rc4 = SampleLabels.alerts(run).stream().filter(a -> a.analytic().id().equals("AN0402")).toList();

        Alert last = rc4.get(rc4.size() - 1);
        assertThat(last.summary().get("ConnectionCount")).isEqualTo(5);
        assertThat(last.summary().get("CryptoLibraries")).isEqualTo(List.of("libcommonCrypto.dylib"));
        assertThat(last.summary().get("RemoteIPs")).isEqualTo(List.of("203.0.113.50"));
    }
}
