package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.t1573.ingest.RunCounters;

/**
 * The hostile corpus of malformed values ({@code src/test/resources/hostile/<channel>/malformed-values.*}:
 * each record a valid one with one value broken) beside the bundled samples of every channel it
 * has, in one BATCH job: nothing crashes, every corpus record is a dead letter (header lines of
 * CSV formats aside), the channels' event counts and the alerts are those of the samples alone,
 * and on every channel records = events + ignored + dead letters.
 */
class HostileCorpusITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path CORPUS = Path.of("src", "test", "resources", "hostile");
    private static final Map<String, Path> SAMPLES = new TreeMap<>(Map.of(
            "windows", Path.of("samples", "windows"),
            "zeek", Path.of("samples", "network", "zeek"),
            "netflow", Path.of("samples", "network", "netflow"),
            "osquery", Path.of("samples", "linux", "osquery.ndjson"),
            "macos", Path.of("samples", "macos"),
            "esxcli", Path.of("samples", "esxi", "esxcli")));

    @Test
    void everyMalformedRecordIsADeadLetterAndTheSamplesAlertAsBefore() throws Exception {
        List<InputSpec> clean = new ArrayList<>();
        List<InputSpec> hostile = new ArrayList<>();
        Map<String, Long> corpusRecords = new TreeMap<>();
        for (Map.Entry<String, Path> e : SAMPLES.entrySet()) {
            List<Path> corpus = corpus(e.getKey());
            assertThat(corpus).as(e.getKey()).isNotEmpty();
            corpusRecords.put(e.getKey(), dataRows(corpus));
            clean.add(new InputSpec(e.getKey(), List.of(e.getValue())));
            List<Path> both = new ArrayList<>(corpus);
            both.add(e.getValue());
            hostile.add(new InputSpec(e.getKey(), both));
        }
        // Suricata has no bundled sample: its corpus runs alone and must give nothing but dead letters.
        List<Path> suricata = corpus("suricata");
        hostile.add(new InputSpec("suricata", suricata));

        RunResult before = JobRuns.runInputs(clean, List.of(JobRuns.PATTERNS), Map.of(), 2);
        RunResult after = JobRuns.runInputs(hostile, List.of(JobRuns.PATTERNS), Map.of(), 2);

        assertThat(before.deadLetters()).isEmpty();
        Map<String, Long> lettersByChannel = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String letter : after.deadLetters()) {
            lettersByChannel.merge(json.readTree(letter).get("channel").asText(), 1L, Long::sum);
        }
        corpusRecords.put("suricata", dataRows(suricata));
        assertThat(lettersByChannel).isEqualTo(corpusRecords);
        Map<String, Long> c = after.counters();
        for (String channel : SAMPLES.keySet()) {
            assertThat(c.get(RunCounters.EVENTS + channel)).as(channel)
                    .isEqualTo(before.counters().get(RunCounters.EVENTS + channel));
        }
        assertThat(c.getOrDefault(RunCounters.EVENTS + "suricata", 0L)).isZero();
        for (InputSpec in : hostile) {
            String channel = in.channel();
            assertThat(c.get(RunCounters.RECORDS + channel)).as(channel).isEqualTo(c.get(RunCounters.EVENTS + channel)
                    + c.getOrDefault(RunCounters.IGNORED + channel, 0L) + c.get(RunCounters.DEAD_LETTERS + channel));
        }
        assertThat(after.alerts()).isNotEmpty().containsExactlyInAnyOrderElementsOf(before.alerts());
    }

    private static List<Path> corpus(String channel) throws IOException {
        try (Stream<Path> files = Files.list(CORPUS.resolve(channel))) {
            return files.filter(f -> f.getFileName().toString().startsWith("malformed-values")).sorted().toList();
        }
    }

    /** The records of the corpus files that are rows, not the header lines of CSV formats. */
    private static long dataRows(List<Path> files) throws IOException {
        long rows = 0;
        for (Path f : files) {
            rows += Files.readAllLines(f).stream()
                    .filter(l -> !l.startsWith("#") && !l.startsWith("StartTime,") && !l.startsWith("CCAlgo,"))
                    .count();
        }
        return rows;
    }
}
