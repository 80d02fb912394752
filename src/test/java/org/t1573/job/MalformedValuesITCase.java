package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.ingest.RunCounters;

/**
 * The bundled Zeek, goflow2 and Sysmon samples with the malformed values of issue 16 beside their
 * valid records (each a copy of a valid record with one value broken: negative bytes, packets or
 * duration, an address out of range or padded, a JSON list where an object belongs, the year
 * 0001 on either clock), run as one BATCH job: every record read is an event, an ignored record
 * or a dead letter, each broken record is a dead letter naming what is wrong, and the alerts are
 * those of the samples alone.
 */
class MalformedValuesITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path ZEEK = Path.of("samples", "network", "zeek");
    private static final Path GOFLOW2 = Path.of("samples", "network", "netflow", "goflow2.json");
    private static final Path SYSMON = Path.of("samples", "windows", "sysmon.ndjson");

    @TempDir
    Path dir;

    @Test
    void brokenValuesAreDeadLettersAndTheValidRecordsAlertAsBefore() throws Exception {
        Path zeek = Files.createDirectories(dir.resolve("zeek"));
        for (String log : List.of("ssl.log", "x509.log")) {
            Files.copy(ZEEK.resolve(log), zeek.resolve(log));
        }
        List<String> expected = new ArrayList<>();
        broken(ZEEK.resolve("conn.log"), zeek.resolve("conn.log"), expected,
                new Change("\t2100\t3900\t", "\t-100\t3900\t", "field network.bytes_out -100 is negative"),
                new Change("\t4.250000\t", "\t-4.250000\t", "field network.duration -4.25 is not a duration"),
                new Change("\t6\t4140\t", "\t-6\t4140\t", "field network.packets_in -6 is negative"),
                new Change("\t203.0.113.50\t", "\t999.1.1.1\t", "field id.resp_h '999.1.1.1' is not an IP address"));
        Path goflow2 = dir.resolve("goflow2.json");
        broken(GOFLOW2, goflow2, expected,
                new Change("\"Bytes\":2400", "\"Bytes\":-100", "field network.bytes_out -100 is negative"),
                new Change("\"DstAddr\":\"203.0.113.80\"", "\"DstAddr\":\" 203.0.113.80\"",
                        "field DstAddr ' 203.0.113.80' is neither an IP address"),
                new Change("\"Packets\":7", "\"Packets\":[1,2]", "field Packets is array, expected a single value"));
        Path sysmon = dir.resolve("sysmon.ndjson");
        broken(SYSMON, sysmon, expected,
                new Change("\"DestinationIp\":\"203.0.113.50\"", "\"DestinationIp\":\"999.1.1.1\"",
                        "field destination.ip '999.1.1.1' is not an IP address"),
                new Change("\"DestinationIp\":\"203.0.113.50\"", "\"DestinationIp\":\" 203.0.113.50\"",
                        "field destination.ip ' 203.0.113.50' is not an IP address"),
                new Change("\"UtcTime\":\"2026-", "\"UtcTime\":\"0001-", "pre-epoch: event time 0001-"),
                new Change("\"TimeCreated\":\"2026-", "\"TimeCreated\":\"0001-", "pre-epoch: event time 0001-"));

        RunResult clean = run(ZEEK, GOFLOW2, SYSMON);
        RunResult hostile = run(zeek, goflow2, sysmon);

        assertThat(clean.deadLetters()).isEmpty();
        ObjectMapper json = new ObjectMapper();
        List<String> reasons = new ArrayList<>();
        for (String letter : hostile.deadLetters()) {
            reasons.add(json.readTree(letter).get("reason").asText());
        }
        assertThat(reasons).hasSameSizeAs(expected);
        for (String reason : expected) {
            assertThat(reasons).anySatisfy(r -> assertThat(r).contains(reason));
        }
        for (String channel : List.of("zeek", "netflow", "windows")) {
            Map<String, Long> c = hostile.counters();
            assertThat(c.get(RunCounters.RECORDS + channel)).as(channel).isEqualTo(
                    c.get(RunCounters.EVENTS + channel) + c.getOrDefault(RunCounters.IGNORED + channel, 0L)
                            + c.getOrDefault(RunCounters.DEAD_LETTERS + channel, 0L));
            assertThat(c.get(RunCounters.EVENTS + channel)).as(channel)
                    .isEqualTo(clean.counters().get(RunCounters.EVENTS + channel));
        }
        assertThat(hostile.alerts()).isNotEmpty().containsExactlyInAnyOrderElementsOf(clean.alerts());
    }

    /** A value broken in a copy of the first record that has it; the copy follows the record. */
    private record Change(String from, String to, String reason) {}

    private static void broken(Path file, Path copy, List<String> expected, Change... changes) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        for (Change change : changes) {
            int at = 0;
            while (!lines.get(at).contains(change.from())) {
                at++;
            }
            lines.add(at + 1, lines.get(at).replace(change.from(), change.to()));
            expected.add(change.reason());
        }
        Files.write(copy, lines);
    }

    private static RunResult run(Path zeek, Path netflow, Path windows) throws Exception {
        return JobRuns.runInputs(List.of(new InputSpec("zeek", List.of(zeek)), new InputSpec("netflow", List.of(netflow)),
                new InputSpec("windows", List.of(windows))), List.of(JobRuns.PATTERNS), Map.of(), 2);
    }
}
