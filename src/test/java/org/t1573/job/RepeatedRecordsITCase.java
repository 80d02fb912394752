package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Duplicates cost nothing: at-least-once redelivery and overlapping replays repeat records, and a
 * record delivered again (same record id, same time) opens no partial match of its own. Every
 * record of the Windows samples (Sysmon, Defender, CAPI2), each repeated ten times in place, raises
 * exactly the alert lines of the samples read once.
 */
class RepeatedRecordsITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final int COPIES = 10;
    private static final Path SAMPLES = Path.of("samples", "windows");

    @TempDir
    static Path dir;

    @ParameterizedTest(name = "{0} at parallelism {1}")
    @CsvSource({"BATCH, 2", "STREAMING, 1", "STREAMING, 4"})
    void everyRecordTenTimesRaisesTheAlertLinesOfEveryRecordOnce(RuntimeExecutionMode mode, int parallelism)
            throws Exception {
        List<Path> once = List.of(SAMPLES.resolve("sysmon.ndjson"), SAMPLES.resolve("defender.ndjson"),
                SAMPLES.resolve("capi2.ndjson"));
        List<Path> repeated = new ArrayList<>();
        for (Path file : once) {
            repeated.add(repeated(file, dir.resolve(mode + "-" + parallelism + "-" + file.getFileName())));
        }
        RunResult single = JobRuns.run(once, Map.of(), parallelism, mode, Duration.ofMinutes(1));
        RunResult tenfold = JobRuns.run(repeated, Map.of(), parallelism, mode, Duration.ofMinutes(1));
        assertThat(single.alerts()).as("the Windows samples alert").isNotEmpty();
        assertThat(sorted(tenfold.alerts())).isEqualTo(sorted(single.alerts()));
        assertThat(tenfold.deadLetters()).hasSize(COPIES * single.deadLetters().size());
    }

    private static Path repeated(Path file, Path to) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.addAll(Collections.nCopies(COPIES, line));
        }
        return Files.write(to, lines, StandardCharsets.UTF_8);
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }
}
