package org.t1573.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.t1573.ingest.DeadLetter;

/** A dead letter as the JSON object of {@code dead-letters.jsonl}, keyed by its channel. */
public class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;

    public DeadLetterSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter d, KafkaSinkContext context, Long timestamp) {
        try {
            return new ProducerRecord<>(topic, null, null, String.valueOf(d.channel).getBytes(StandardCharsets.UTF_8),
                    JSON.writeValueAsBytes(d));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
