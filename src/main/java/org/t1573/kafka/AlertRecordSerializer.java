package org.t1573.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.t1573.alert.AlertFormatter;

/**
 * An alert JSON line as a Kafka record keyed by its {@code alert_id}, so that an alert and its
 * update land in one partition, in order, and compacted topics keep the final version. The value
 * is the line in the job's {@code --alert-format}; the key is read from the native line, so it is
 * the same in every format.
 */
public class AlertRecordSerializer implements KafkaRecordSerializationSchema<String> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final AlertFormatter format;

    public AlertRecordSerializer(String topic, AlertFormatter format) {
        this.topic = topic;
        this.format = format;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(String alert, KafkaSinkContext context, Long timestamp) {
        // The Kafka timestamp is when the alert was written, not its event time: retention by time
        // would otherwise delete alerts about old events (replays) at once.
        return new ProducerRecord<>(topic, null, null, alertId(alert).getBytes(StandardCharsets.UTF_8),
                format.format(alert).getBytes(StandardCharsets.UTF_8));
    }

    static String alertId(String alert) {
        try {
            JsonNode id = JSON.readTree(alert).get("alert_id");
            return id == null ? "" : id.asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
