package org.t1573.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.Collector;
import org.apache.flink.util.UserCodeClassLoader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.t1573.ingest.DeadLetter;
import org.t1573.ingest.EventTime;
import org.t1573.ingest.RecordLimit;

/** Parsing in the Kafka source: events with their event time, dead letters with their Kafka origin. */
class ChannelDeserializerTest {
    private static final String PAYLOAD = "{564ff025-c14a-62fe-1f03-000000000700}";
    private static final DeserializationSchema.InitializationContext CONTEXT =
            new DeserializationSchema.InitializationContext() {
                @Override
                public MetricGroup getMetricGroup() {
                    return new UnregisteredMetricsGroup();
                }

                @Override
                public UserCodeClassLoader getUserCodeClassLoader() {
                    return null;
                }
            };
    private final ChannelDeserializer deserializer = new ChannelDeserializer("windows", EventTime.AUTO);

    @Test
    void parsesARecordIntoAnEventWithTheSensorTime() throws Exception {
        String line = firstSample();
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
    void turnsARecordOfTheYear9999IntoAFutureDeadLetterThatHoldsNoEventTime() throws Exception {
        String line = firstSample().replace("\"2026-", "\"9999-");
        List<Parsed> out = deserialize(line, 44);
        assertThat(out).singleElement().satisfies(p -> {
            assertThat(p.event).isNull();
            assertThat(p.deadLetter.reason).startsWith("future: event time 9999-03-02T08:00:00Z");
            assertThat(p.eventTime()).as("moves no watermark").isEqualTo(Long.MIN_VALUE);
        });
    }

    @Test
    void turnsARecordOfTheYear0001IntoAPreEpochDeadLetterAsOnFiles() throws Exception {
        String line = firstSample().replace("\"2026-", "\"0001-");
        List<Parsed> out = deserialize(line, 45);
        assertThat(out).singleElement().satisfies(p -> {
            assertThat(p.event).isNull();
            assertThat(p.deadLetter.reason).startsWith("pre-epoch: event time 0001-03-02T08:00:00Z is before");
            assertThat(p.eventTime()).as("moves no watermark").isEqualTo(Long.MIN_VALUE);
        });
    }

    @Test
    void turnsAnImplausibleValueIntoADeadLetterNamingTheFieldAsOnFiles() throws Exception {
        String line = Files.readAllLines(Path.of("samples", "windows", "sysmon.ndjson")).stream()
                .filter(l -> l.contains("\"DestinationIp\":\"203.0.113.50\"")).findFirst().orElseThrow()
                .replace("\"DestinationIp\":\"203.0.113.50\"", "\"DestinationIp\":\"999.1.1.1\"");
        assertThat(deserialize(line, 46)).singleElement().satisfies(p -> assertThat(p.deadLetter.reason)
                .isEqualTo("sysmon: field destination.ip '999.1.1.1' is not an IP address"));
    }

    @Test
    void turnsARecordOverTheLimitIntoADeadLetterWithoutParsingIt() throws Exception {
        String line = firstSample();
        String oversized = line.substring(0, line.length() - 1) + ",\"pad\":\"" + "p".repeat(RecordLimit.MAX_CHARS)
                + "\"}";
        List<Parsed> out = deserialize(oversized, 43);
        assertThat(out).singleElement().satisfies(p -> {
            assertThat(p.event).as("a valid record, but over the limit: not parsed").isNull();
            assertThat(p.deadLetter.reason).isEqualTo(RecordLimit.reason(oversized.length()));
            assertThat(p.deadLetter.raw).hasSize(DeadLetter.MAX_RAW_CHARS);
            assertThat(p.deadLetter.rawLength).isEqualTo(oversized.length());
        });
    }

    /**
     * The Kafka path puts events on the same clock as files: in the reg_meterpreter capture the C2
     * connection's Sysmon time precedes its own process start; auto re-times it onto the host's
     * write clock, after the crypto loads.
     */
    @Test
    void autoEventTimePutsADisagreeingEventCodeOnTheHostsWriteClock() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "shared", "data", "windows_sysmon",
                "reg_meterpreter_process_commandline_logging_disabled",
                "reg_meterpreter_process_commandline_logging_disabled.sysmon.ndjson"));
        deserializer.open(CONTEXT);
        long lastLoad = Long.MIN_VALUE;
        Long connect = null;
        for (int i = 0; i < lines.size() && connect == null; i++) {
            for (Parsed p : deserializeOpen(lines.get(i), i)) {
                if (p.event != null && PAYLOAD.equals(p.event.processEntityId)) {
                    if ("library_load".equals(p.event.action)) {
                        lastLoad = Math.max(lastLoad, p.eventTime());
                    } else if ("network_connection".equals(p.event.action)) {
                        connect = p.eventTime();
                    }
                }
            }
        }
        assertThat(connect).as("the payload's first connection").isNotNull();
        assertThat(connect).as("re-timed after the payload's crypto loads").isGreaterThan(lastLoad);
    }

    @Test
    void deadLettersNeverMoveTheWatermark() {
        assertThat(Parsed.of(new org.t1573.ingest.DeadLetter()).eventTime()).isEqualTo(Long.MIN_VALUE);
    }

    private static String firstSample() throws IOException {
        return Files.readAllLines(Path.of("samples", "windows", "sysmon.ndjson")).get(0);
    }

    private List<Parsed> deserialize(String value, long offset) throws Exception {
        deserializer.open(CONTEXT);
        return deserializeOpen(value, offset);
    }

    private List<Parsed> deserializeOpen(String value, long offset) throws Exception {
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
