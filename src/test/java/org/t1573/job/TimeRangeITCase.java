package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.alert.AlertJson;

/** {@code backtest --from/--to} replays only the events of that event-time range. */
class TimeRangeITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    @TempDir
    Path out;

    @Test
    void dropsTheBeaconWhoseSessionsStartAfterTheRange() throws Exception {
        assertThat(processesWithAlerts("--to", "2026-03-02T08:00:05Z")).doesNotContain("rundll32.exe");
        assertThat(processesWithAlerts("--from", "2026-03-02T07:00:00Z")).contains("rundll32.exe");
    }

    @Test
    void rejectsATimeThatIsNotIso8601() {
        assertThat(Main.commandLine().execute("backtest", "--input", "samples/windows", "--out", out.toString(),
                "--from", "yesterday")).isEqualTo(Main.USAGE);
    }

    private List<String> processesWithAlerts(String option, String time) throws Exception {
        assertThat(Main.commandLine().execute("backtest", "--input", "samples/windows", "--out", out.toString(),
                option, time)).isZero();
        return Files.readAllLines(out.resolve("alerts.jsonl")).stream()
                .map(l -> AlertJson.read(l).process().name()).toList();
    }
}
