package org.t1573.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.t1573.replay.ReplayPublisher;
import org.t1573.replay.TimeSlice;

/** What the cluster tests do with Kafka: topics, replays of the samples, committed alerts. */
final class KafkaTestClient implements AutoCloseable {
    static final int PARTITIONS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SYSMON_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final String bootstrap;
    private final Admin admin;

    KafkaTestClient(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(p);
    }

    /**
     * Topics without time-based retention: the replayed samples carry their event times (March
     * 2026) as record timestamps, and the broker would delete them as expired before the job reads them.
     */
    void createTopics(String... names) throws ExecutionException, InterruptedException {
        createTopics(PARTITIONS, names);
    }

    void createTopics(int partitions, String... names) throws ExecutionException, InterruptedException {
        List<NewTopic> topics = new ArrayList<>();
        for (String n : names) {
            topics.add(new NewTopic(n, partitions, (short) 1).configs(Map.of("retention.ms", "-1")));
        }
        admin.createTopics(topics).all().get();
    }

    /** Replays the files like the publish command; returns the records sent. */
    long publish(Path input, String topic, double perSecond, TimeSlice slice) throws IOException, InterruptedException {
        try (Producer<byte[], byte[]> producer = ReplayPublisher.producer(bootstrap, new Properties())) {
            return new ReplayPublisher(Map.of("windows", topic), perSecond, slice, quiet())
                    .publish(Map.of("windows", List.of(input)), producer);
        }
    }

    /**
     * One process start a day after the samples, on every partition: every partition's watermark
     * passes all the samples' windows, as later live traffic would make it.
     */
    void flush(String topic, Path sysmonSample) throws IOException {
        ObjectNode record = (ObjectNode) JSON.readTree(Files.readAllLines(sysmonSample).get(0));
        Instant later = Instant.parse("2026-03-02T00:00:00Z").plus(Duration.ofDays(2));
        record.put("UtcTime", SYSMON_TIME.format(later));
        record.put("TimeCreated", later.toString());
        record.put("@timestamp", later.toString());
        try (Producer<byte[], byte[]> producer = ReplayPublisher.producer(bootstrap, new Properties())) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                record.put("Hostname", "FLUSH-" + partition);
                record.put("ProcessGuid", "{00000000-0000-0000-0000-00000000000" + partition + "}");
                producer.send(new ProducerRecord<>(topic, partition, later.toEpochMilli(), null,
                        JSON.writeValueAsBytes(record)));
            }
        }
    }

    /** True once the consumer group has committed (on a checkpoint) every record of the topic. */
    boolean consumed(String group, String topic) {
        return committed(group, topic) >= endOffsets(topic);
    }

    /** Records of the topic the group has committed, over all partitions (offsets are committed on checkpoints). */
    long committed(String group, String topic) {
        return unchecked(() -> admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet()
                .stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum());
    }

    private long endOffsets(String topic) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return unchecked(() -> admin.listOffsets(latest).all().get().values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum());
    }

    private static long unchecked(Callable<Long> admin) {
        try {
            return admin.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The topic's committed records from the beginning: read until {@code done} holds (or the
     * timeout), then for {@code quiet} longer, so that a duplicate written late is seen too.
     */
    List<String> readCommitted(String topic, Predicate<List<String>> done, Duration timeout, Duration quiet) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            Long quietUntil = null;
            while (quietUntil == null ? System.nanoTime() < deadline : System.nanoTime() < quietUntil) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
                    values.add(r.value());
                }
                if (quietUntil == null && done.test(values)) {
                    quietUntil = System.nanoTime() + quiet.toNanos();
                }
            }
        }
        return values;
    }

    @Override
    public void close() {
        admin.close();
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    }
}
