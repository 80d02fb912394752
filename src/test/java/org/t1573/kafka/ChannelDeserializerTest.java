package org.t1573.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Parsing in the Kafka source: events with their event time, dead letters with their Kafka origin. */
class ChannelDeserializerTest {
    private final ChannelDeserializer deserializer = new ChannelDeserializer("windows", false);

    @Test
    void parsesARecordIntoAnEventWithTheSensorTime() throws Exception {
        String line = Files.readAllLines(Path.of("samples", "windows", "sysmon.ndjson")).get(0);
        List<Parsed> out = deserialize(line, 7);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).deadLetter).isNull();
        // The first sample record: UtcTime 2026-03-02 08:00:00.000.
        assertThat(out.get(0).eventTime()).isEqualTo(java.time.Instant.parse("2026-03-02T08:00:00Z").toEpochMilli());
    }

    @Test
    void turnsAnUnreadableRecordIntoADeadLetterNamingTopicPartitionAndOffset() throws Exception {
        List<Parsed> out = deserialize("{not json", 42);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).event).isNull();
        assertThat(out.get(0).deadLetter.origin).isEqualTo("t1573.windows/1@42");
        assertThat(out.get(0).deadLetter.raw).isEqualTo("{not json");
    }

    @Test
    void deadLettersNeverMoveTheWatermark() {
        assertThat(Parsed.of(new org.t1573.ingest.DeadLetter()).eventTime()).isEqualTo(Long.MIN_VALUE);
    }

    private List<Parsed> deserialize(String value, long offset) throws Exception {
        deserializer.open(null);
        List<Parsed> out = new ArrayList<>();
        deserializer.deserialize(new ConsumerRecord<>("t1573.windows", 1, offset, null,
                value.getBytes(StandardCharsets.UTF_8)), new Collector<>() {
                    @Override
                    public void collect(Parsed record) {
                        out.add(record);
                    }

                    @Override
                    public void close() {}
                });
        return out;
    }
}
