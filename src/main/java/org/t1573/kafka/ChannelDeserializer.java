package org.t1573.kafka;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.t1573.ingest.Channels;
import org.t1573.ingest.DeadLetter;
import org.t1573.ingest.EventTime;
import org.t1573.ingest.EventAdmission;
import org.t1573.ingest.HostClocks;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordLimit;
import org.t1573.ingest.RecordParser;

/**
 * Parses the records of one channel's topic with the channel's parser. A parser may keep state
 * between the records of one stream (a Zeek header), so each partition has its own parser: the
 * records of one partition are in order, those of different partitions interleave. Events are put
 * on the clock {@code --event-time} chooses as on files ({@link HostClocks}); clock skew and
 * re-timed events are counted as metrics ({@code eventsClockSkewed}, {@code eventsRetimed}), and
 * so are records the parser ignores ({@code recordsIgnored}). A record over {@link RecordLimit}
 * is a dead letter without being parsed, an event with implausible values or times
 * ({@link EventAdmission}: dated in the future or before the epoch) a dead letter that never moves
 * a partition's watermark.
 */
public class ChannelDeserializer implements KafkaRecordDeserializationSchema<Parsed> {
    private static final long serialVersionUID = 1L;

    private final String channel;
    private final EventTime eventTime;
    private transient Map<TopicPartition, RecordParser> parsers;
    private transient EventAdmission admission;
    private transient HostClocks.Findings findings;
    private transient Consumer<String> ignore;

    public ChannelDeserializer(String channel, EventTime eventTime) {
        this.channel = channel;
        this.eventTime = eventTime;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        parsers = new HashMap<>();
        admission = new EventAdmission(eventTime);
        Counter skewed = context.getMetricGroup().counter("eventsClockSkewed");
        Counter retimed = context.getMetricGroup().counter("eventsRetimed");
        Counter ignored = context.getMetricGroup().counter("recordsIgnored");
        ignore = reason -> ignored.inc();
        findings = new HostClocks.Findings() {
            @Override
            public void skewed(String host, String code, long deltaMillis) {
                skewed.inc();
            }

            @Override
            public void retimed(String host, String code) {
                retimed.inc();
            }
        };
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Parsed> out) {
        if (record.value() == null) {
            return; // a tombstone carries no telemetry
        }
        String text = new String(record.value(), StandardCharsets.UTF_8);
        if (RecordLimit.exceededBy(text.length())) {
            out.collect(Parsed.of(new DeadLetter(channel, origin(record), RecordLimit.reason(text.length()), text)));
            return;
        }
        RecordParser parser = parsers.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                tp -> Channels.parserFor(channel));
        try {
            parser.parse(text, e -> {
                String problem = admission.admit(e, findings, System.currentTimeMillis());
                out.collect(problem != null ? Parsed.of(new DeadLetter(channel, origin(record), problem, text))
                        : Parsed.of(e));
            }, ignore);
        } catch (MalformedRecordException e) {
            out.collect(Parsed.of(new DeadLetter(channel, origin(record), e.getMessage(), text)));
        } catch (RuntimeException e) {
            // A parser bug must not stop the job: the record is kept with the error.
            out.collect(Parsed.of(new DeadLetter(channel, origin(record), channel + ": parser failed: " + e, text)));
        }
    }

    /** {@code topic/partition@offset}, the Kafka form of a dead letter's origin. */
    static String origin(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    @Override
    public TypeInformation<Parsed> getProducedType() {
        return TypeInformation.of(Parsed.class);
    }
}
