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
 * The whole job, with every pattern of the repository, on the labelled network samples (Zeek
 * conn/ssl/x509 and goflow2 NetFlow): exactly the labelled alerts, by analytic, source address and
 * destination.
 */
class NetworkSamplesDetectionITCase extends LabelledSamplesContract {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path SAMPLES = Path.of("samples", "network");
    private static RunResult run;

    @BeforeAll
    static void runOnce() throws Exception {
        run = runAllPatterns(Map.of(), input("zeek", SAMPLES.resolve("zeek")), input("netflow", SAMPLES.resolve("netflow")));
    }

    /** Alerts are keyed "source>destination:port", the flow labels.csv names. */
    NetworkSamplesDetectionITCase() {
        super(SAMPLES, a -> sourceOf(a) + ">" + a.destinations().get(0).ip() + ":" + a.destinations().get(0).port(),
                row -> row[2]);
    }

    @Override
    RunResult run() {
        return run;
    }

    @Test
    void countsTheSessionsOfAChannelInOneAlertPerWindow() {
        assertThat(created("AN0404")).singleElement()
                .satisfies(a -> assertThat(last(a).summary()).containsEntry("Sessions", 4)
                        .containsEntry("EntropyObserved", false));
        assertThat(created("AN1500")).filteredOn(a -> sourceOf(a).equals("10.20.0.20")).singleElement()
                .satisfies(a -> assertThat(last(a).summary()).containsEntry("Sessions", 5)
                        .containsEntry("ValidationStatus", List.of("self signed certificate")));
    }

    private static List<Alert> created(String analytic) {
        return SampleLabels.alerts(run).stream()
                .filter(a -> a.activity().equals("create") && a.analytic().id().equals(analytic)).toList();
    }

    /** The latest update of an alert. */
    private static Alert last(Alert created) {
        List<Alert> all = SampleLabels.alerts(run).stream()
                .filter(a -> a.alertId().equals(created.alertId())).toList();
        return all.get(all.size() - 1);
    }

    private static String sourceOf(Alert a) {
        return ((List<?>) a.summary().get("SourceIPs")).get(0).toString();
    }
}
