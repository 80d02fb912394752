package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;
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
    private static final String RUNDLL32 = "{8fac3226-4380-69a5-0104-000000000700}";
    private static final String CJK = "\u6f22".repeat(1_000_000);
    private static final ObjectMapper JSON = new ObjectMapper();

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
        JsonNode letter = JSON.readTree(dead.get(0));
        assertThat(letter.get("origin").asText()).endsWith("sysmon.ndjson:" + (lines.size() + 1));
        assertThat(letter.get("reason").asText()).isEqualTo(RecordLimit.reason(LENGTH));
        assertThat(letter.get("raw").asText()).hasSize(DeadLetter.MAX_RAW_CHARS);
        assertThat(letter.get("raw_length").asLong()).isEqualTo(LENGTH);
        assertThat(Files.readAllLines(dir.resolve("out").resolve("alerts.jsonl"))).isNotEmpty()
                .isEqualTo(Files.readAllLines(dir.resolve("baseline").resolve("alerts.jsonl")));
    }

    /**
     * A record under the limit whose alert is over the collect sink's 2 MiB: the process start of
     * the samples' rundll32 beacon with a million CJK characters more on its command line (3 MB in
     * UTF-8, quoted by the alert's process context).
     */
    @Test
    void anAlertOver2MiBComesBackWhole() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(SYSMON));
        int start = indexOf(lines, "\"EventID\":1,", RUNDLL32);
        ObjectNode record = (ObjectNode) JSON.readTree(lines.get(start));
        record.put("CommandLine", record.get("CommandLine").asText() + " " + CJK);
        lines.set(start, JSON.writeValueAsString(record));
        Path input = dir.resolve("sysmon.ndjson");
        Files.write(input, lines);

        assertThat(backtest(input, dir.resolve("out"))).isZero();
        assertThat(backtest(SYSMON, dir.resolve("baseline"))).isZero();

        List<Alert> alerts = Files.readAllLines(dir.resolve("out").resolve("alerts.jsonl")).stream()
                .map(AlertJson::read).toList();
        assertThat(alerts).hasSameSizeAs(Files.readAllLines(dir.resolve("baseline").resolve("alerts.jsonl")));
        assertThat(alerts).filteredOn(a -> RUNDLL32.equals(a.process().entityId())).isNotEmpty()
                .allSatisfy(a -> assertThat(a.process().commandLine()).endsWith(CJK));
    }

    private static int indexOf(List<String> lines, String... parts) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (Arrays.stream(parts).allMatch(line::contains)) {
                return i;
            }
        }
        throw new AssertionError("no sample line with " + Arrays.toString(parts));
    }

    private static int backtest(Path input, Path out) {
        return Main.commandLine().execute("backtest", "--input", "windows=" + input, "--out", out.toString());
    }
}
