package org.t1573.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays: files merged in event-time order, event time as Kafka timestamp, host as key, slices. */
class ReplayPublisherTest {
    private static final Path SYSMON = Path.of("samples", "windows", "sysmon.ndjson");
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

    @Test
    void mergesFilesInEventTimeOrderWithEventTimeTimestampsAndHostKeys(@TempDir Path dir) throws Exception {
        List<String> lines = byTime(Files.readAllLines(SYSMON));
        // Odd and even records in two files, one of them gzipped: the merge restores the time order.
        Files.write(dir.resolve("a.ndjson"), every(lines, 0));
        try (PrintStream gz = new PrintStream(new GZIPOutputStream(Files.newOutputStream(dir.resolve("b.ndjson.gz"))),
                false, StandardCharsets.UTF_8)) {
            every(lines, 1).forEach(gz::println);
        }
        Files.writeString(dir.resolve("labels.csv"), "not telemetry\n");

        long sent = publisher(TimeSlice.ALL).publish(Map.of("windows", List.of(dir)), producer);

        assertThat(sent).isEqualTo(lines.size());
        List<ProducerRecord<byte[], byte[]>> records = producer.history();
        assertThat(records).extracting(ProducerRecord::timestamp).isSorted();
        assertThat(records).allSatisfy(r -> assertThat(r.topic()).isEqualTo("t1573.windows"));
        assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("WS-SAMPLE-01");
        assertThat(records.get(0).timestamp()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z").toEpochMilli());
    }

    @Test
    void publishesOnlyTheRecordsOfTheTimeSlice() throws Exception {
        long split = Instant.parse("2026-03-02T09:00:00Z").toEpochMilli();
        long before = publisher(new TimeSlice(null, split)).publish(Map.of("windows", List.of(SYSMON)), producer);
        long after = publisher(new TimeSlice(split, null)).publish(Map.of("windows", List.of(SYSMON)), producer);
        assertThat(before).isPositive();
        assertThat(before + after).isEqualTo(Files.readAllLines(SYSMON).size());
        assertThat(producer.history().subList(0, (int) before)).allSatisfy(r -> assertThat(r.timestamp()).isLessThan(split));
    }

    private static ReplayPublisher publisher(TimeSlice slice) {
        return new ReplayPublisher(Map.of("windows", "t1573.windows"), 0, slice,
                new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
    }

    /** Sysmon UtcTime ("yyyy-MM-dd HH:mm:ss.SSS") sorts as text. */
    private static List<String> byTime(List<String> lines) {
        return lines.stream().sorted(java.util.Comparator.comparing(l -> l.substring(l.indexOf("\"UtcTime\"")))).toList();
    }

    private static List<String> every(List<String> lines, int parity) {
        return java.util.stream.IntStream.range(0, lines.size()).filter(i -> i % 2 == parity).mapToObj(lines::get).toList();
    }
}
