package org.t1573.kafka;

import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.t1573.alert.AlertFormatter;
import org.t1573.ingest.DeadLetter;
import org.t1573.job.DetectionJob;

/**
 * The job's Kafka sinks. Alerts are written exactly once: in Kafka transactions committed when a
 * checkpoint completes, so consumers with {@code isolation.level=read_committed} see each alert
 * line once even across failures, and see it only after the checkpoint that follows it. Dead
 * letters are written at least once (a repeated dead letter is harmless, and they should not
 * wait for a checkpoint).
 */
public final class KafkaOutputs {
    /**
     * Kafka transactions must outlive a checkpoint interval plus a restart; the producer's
     * default (1 minute) aborts them under load. 15 minutes is the broker's default maximum.
     */
    static final String TRANSACTION_TIMEOUT = String.valueOf(15 * 60_000);

    private KafkaOutputs() {}

    /** Attaches both sinks; alerts are written in {@code format}, keyed by their alert id. */
    public static void attach(DetectionJob.Outputs outputs, KafkaOptions options, AlertFormatter format) {
        Properties producer = options.client().copy();
        producer.putIfAbsent("transaction.timeout.ms", TRANSACTION_TIMEOUT);
        KafkaSink<String> alerts = KafkaSink.<String>builder()
                .setBootstrapServers(options.bootstrapServers())
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(new AlertRecordSerializer(options.alertsTopic(), format))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(options.transactionalIdPrefix())
                .build();
        outputs.alerts().sinkTo(alerts).uid("sink-alerts").name("kafka " + options.alertsTopic());
        KafkaSink<DeadLetter> dead = KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(options.bootstrapServers())
                .setKafkaProducerConfig(options.client().copy())
                .setRecordSerializer(new DeadLetterSerializer(options.deadLettersTopic()))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
        outputs.deadLetters().sinkTo(dead).uid("sink-dead-letters").name("kafka " + options.deadLettersTopic());
    }
}
