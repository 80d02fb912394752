package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.ingest.DeadLetter;
import org.t1573.ingest.RecordLimit;

/**
 * A line of 2,200,000 characters after the Windows samples (the reproduction: its dead
 * letter was over the collect sink's 2 MiB and the run failed with no output): a bounded dead
 * letter, and the samples' alerts as without it.
 */
class OversizedRecordITCase {
    private static final Path SYSMON = Path.of("samples", "windows", "sysmon.ndjson");
    private static final int LENGTH = 2_200_000;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    @TempDir
    Path dir;

    @Test
    void aLineOver2MiBIsABoundedDeadLetterAndTheRunWritesItsAlerts() throws Exception {
        Path input = dir.resolve("sysmon.ndjson");
        Files.writeString(input, Files.readString(SYSMON) + "x".repeat(LENGTH) + "\n");
        List<String> lines = Files.readAllLines(SYSMON);

        assertThat(backtest(input, dir.resolve("out"))).isZero();
        assertThat(backtest(SYSMON, dir.resolve("baseline"))).isZero();

        List<String> dead = Files.readAllLines(dir.resolve("out").resolve("dead-letters.jsonl"));
        assertThat(dead).hasSize(1);
        JsonNode letter = new ObjectMapper().readTree(dead.get(0));
        assertThat(letter.get("origin").asText()).endsWith("sysmon.ndjson:" + (lines.size() + 1));
        assertThat(letter.get("reason").asText()).isEqualTo(RecordLimit.reason(LENGTH));
        assertThat(letter.get("raw").asText()).hasSize(DeadLetter.MAX_RAW_CHARS);
        assertThat(letter.get("raw_length").asLong()).isEqualTo(LENGTH);
        assertThat(Files.readAllLines(dir.resolve("out").resolve("alerts.jsonl"))).isNotEmpty()
                .isEqualTo(Files.readAllLines(dir.resolve("baseline").resolve("alerts.jsonl")));
    }

    private static int backtest(Path input, Path out) {
        return Main.commandLine().execute("backtest", "--input", "windows=" + input, "--out", out.toString());
    }
}
