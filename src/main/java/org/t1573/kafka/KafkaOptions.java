package org.t1573.kafka;

import java.time.Duration;
import java.util.Map;
import org.t1573.ingest.EventTime;

/**
 * How the job reads and writes Kafka.
 *
 * @param topics channel name to topic, e.g. {@code windows -> t1573.windows}
 * @param startingOffsets see {@link OffsetSpec#starting}
 * @param bounded {@code null} for an unbounded job, else where reading stops ({@link OffsetSpec#stopping})
 * @param idleness how long a partition may be silent before it stops holding back the watermark
 * @param maxOutOfOrderness how late an event may be, per partition, before it is a late dead letter
 * @param eventTime which clock gives events of two clocks their time ({@code --event-time})
 * @param transactionalIdPrefix prefix of the alert sink's Kafka transactions; unique per job on a cluster
 */
public record KafkaOptions(
        String bootstrapServers,
        Map<String, String> topics,
        String alertsTopic,
        String deadLettersTopic,
        ClientProperties client,
        String groupId,
        String startingOffsets,
        String bounded,
        Duration idleness,
        Duration maxOutOfOrderness,
        EventTime eventTime,
        String transactionalIdPrefix) {}
