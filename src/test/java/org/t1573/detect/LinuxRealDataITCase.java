package org.t1573.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.t1573.ingest.RunCounters;
import org.t1573.job.InputSpec;
import org.t1573.job.JobRuns;
import org.t1573.job.RunResult;

/**
 * The real Log4Shell capture (OTRF, UBUNTU5) through the Linux channels and every pattern. The
 * reverse shell (bash to 192.168.2.6:443) and the exploit's fetches are visible as connections,
 * but the capture holds no library-load telemetry, so no host sequence analytic can fire; the
 * lab's attacker sits in 192.168.0.0/16, which is made external here so the address is not what
 * keeps them silent.
 */
class LinuxRealDataITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path CAPTURE = Path.of("..", "shared", "data", "linux", "otrf_log4shell_ubuntu5");
    private static RunResult run;

    @BeforeAll
    static void runOnce() throws Exception {
        run = JobRuns.runInputs(List.of(
                        new InputSpec("auoms", List.of(file("syslog_auoms_auditd"))),
                        new InputSpec("sysmon-linux", List.of(file("syslog_sysmon"))),
                        new InputSpec("vmconnection", List.of(file("vminsights_vmconnection")))),
                List.of(JobRuns.PATTERNS), Map.of("InternalNetworks", "127.0.0.0/8"), 2);
    }

    @Test
    void everyRecordIsReadWithoutDeadLetters() {
        assertThat(run.deadLetters()).isEmpty();
        // 27 successful execs; 31 starts, 6 connections and 50 ends; 5 VMConnection rows.
        assertThat(run.counters()).containsEntry(RunCounters.EVENTS + "auoms", 27L)
                .containsEntry(RunCounters.EVENTS + "sysmon-linux", 87L)
                .containsEntry(RunCounters.EVENTS + "vmconnection", 5L);
    }

    @Test
    void noAnalyticFiresWithoutLibraryLoadTelemetry() {
        assertThat(run.alerts()).isEmpty();
    }

    private static Path file(String prefix) throws IOException {
        try (var files = Files.list(CAPTURE)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }
}
