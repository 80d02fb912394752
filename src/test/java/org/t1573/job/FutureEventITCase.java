package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One record of the year 9999 in a STREAMING replay (the reproduction: its watermark made
 * the rest of the file late, 1,700 alert lines became 77): a dead letter with reason
 * {@code future}, and the alerts of the file without that record.
 */
class FutureEventITCase {
    private static final Path SYSMON = Path.of("samples", "windows", "sysmon.ndjson");
    /** An early record (a svchost connection), so that nearly the whole file comes after it. */
    private static final int LINE = 11;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    @TempDir
    Path dir;

    @Test
    void aRecordOfTheYear9999IsAFutureDeadLetterAndBlindsNothing() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(SYSMON));
        List<String> without = new ArrayList<>(lines);
        without.remove(LINE - 1);
        lines.set(LINE - 1, lines.get(LINE - 1).replace("\"2026-", "\"9999-"));

        List<String> dead = streaming(lines, "future");
        assertThat(dead).hasSize(1);
        JsonNode letter = new ObjectMapper().readTree(dead.get(0));
        assertThat(letter.get("reason").asText())
                .startsWith("future: event time 9999-03-02T08:05:15Z is more than 24 h ahead of the clock");
        assertThat(letter.get("origin").asText()).endsWith("future.ndjson:" + LINE);
        assertThat(streaming(without, "baseline")).isEmpty();
        assertThat(alerts("future")).isNotEmpty().isEqualTo(alerts("baseline"));
    }

    /** The dead letters of a STREAMING backtest of {@code lines}. */
    private List<String> streaming(List<String> lines, String name) throws Exception {
        Path input = Files.write(dir.resolve(name + ".ndjson"), lines);
        assertThat(Main.commandLine().execute("backtest", "--mode", "STREAMING", "--input", "windows=" + input,
                "--out", dir.resolve(name).toString())).isZero();
        return Files.readAllLines(dir.resolve(name).resolve("dead-letters.jsonl"));
    }

    private List<String> alerts(String name) throws Exception {
        return Files.readAllLines(dir.resolve(name).resolve("alerts.jsonl"));
    }
}
