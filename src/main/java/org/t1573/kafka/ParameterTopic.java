package org.t1573.kafka;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.t1573.pattern.ParameterUpdate;

/**
 * Parameter updates read from a Kafka topic while the job runs: each message holds lines of
 * {@code [PatternId.]Name=value}. Read from the earliest offset, so a job started later applies
 * the same history. The stream declares itself always on time (maximum watermark): it is a control
 * stream and must not hold back the event-time watermark of the telemetry it is joined with.
 */
public final class ParameterTopic {

    private ParameterTopic() {}

    public static DataStream<ParameterUpdate> attach(StreamExecutionEnvironment env, KafkaOptions options, String topic) {
        KafkaSource<String> source = KafkaSource.<String>builder()
                .setBootstrapServers(options.bootstrapServers())
                .setProperties(options.client().copy())
                .setTopics(topic)
                .setGroupId(options.groupId() + "-parameters")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(new SimpleStringSchema()))
                .build();
        WatermarkStrategy<String> never = WatermarkStrategy.forGenerator(ctx -> new AlwaysOnTime());
        return env.fromSource(source, never, "kafka " + topic).uid("source-parameters")
                .flatMap((String message, org.apache.flink.util.Collector<ParameterUpdate> out) -> {
                    for (String line : message.split("\n")) {
                        ParameterUpdate.parse(line, topic).forEach(out::collect);
                    }
                })
                .returns(ParameterUpdate.class).uid("parse-parameters").name("parameter updates");
    }

    /** Emits the maximum watermark: this input never makes another late. */
    static final class AlwaysOnTime implements WatermarkGenerator<String> {
        @Override
        public void onEvent(String event, long timestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.emitWatermark(new Watermark(Long.MAX_VALUE));
        }
    }
}
