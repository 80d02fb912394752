package org.t1573.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.t1573.event.Event;
import org.t1573.ingest.ParseFunction;
import org.t1573.job.DetectionJob;

/**
 * Kafka topics as the job's input: one {@link KafkaSource} per channel topic.
 *
 * <p>Records are parsed in the source's deserializer, and the watermark strategy is given to
 * {@code fromSource}: the source then tracks a watermark per partition (bounded out-of-orderness
 * on the parsed event time, not the Kafka timestamp, which a producer may have set to the send
 * time) and emits their minimum, so a fast partition cannot make a slow one's events late. A
 * partition silent for {@code idleness} no longer holds the watermark back.
 */
public final class KafkaInputs {

    private KafkaInputs() {}

    public static DetectionJob.Inputs attach(StreamExecutionEnvironment env, KafkaOptions options) {
        List<DetectionJob.Inputs> channels = new ArrayList<>();
        for (Map.Entry<String, String> t : options.topics().entrySet()) {
            String channel = t.getKey();
            KafkaSourceBuilder<Parsed> builder = KafkaSource.<Parsed>builder()
                    .setBootstrapServers(options.bootstrapServers())
                    .setProperties(options.client().copy())
                    .setTopics(t.getValue())
                    .setGroupId(options.groupId())
                    .setClientIdPrefix(options.groupId() + "-" + channel)
                    .setStartingOffsets(OffsetSpec.starting(options.startingOffsets()))
                    .setDeserializer(new ChannelDeserializer(channel, options.eventTime()));
            if (options.bounded() != null) {
                builder.setBounded(OffsetSpec.stopping(options.bounded()));
            }
            WatermarkStrategy<Parsed> perPartition = WatermarkStrategy
                    .<Parsed>forBoundedOutOfOrderness(options.maxOutOfOrderness())
                    .withTimestampAssigner((p, kafkaTime) -> p.eventTime())
                    .withIdleness(options.idleness());
            SingleOutputStreamOperator<Event> events = env
                    .fromSource(builder.build(), perPartition, "kafka " + t.getValue())
                    .uid("source-" + channel)
                    .process(new SplitDeadLetters())
                    .uid("parse-" + channel).name("dead letters " + channel);
            channels.add(new DetectionJob.Inputs(events, events.getSideOutput(ParseFunction.DEAD_LETTERS)));
        }
        return DetectionJob.Inputs.union(channels);
    }

    /** Events go on; dead letters go to {@link ParseFunction#DEAD_LETTERS}, as with files. */
    static final class SplitDeadLetters extends ProcessFunction<Parsed, Event> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Parsed p, Context ctx, Collector<Event> out) {
            if (p.event != null) {
                out.collect(p.event);
            } else {
                ctx.output(ParseFunction.DEAD_LETTERS, p.deadLetter);
            }
        }
    }
}
