package org.t1573.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes archived logs to the channel topics as a live sensor fleet would: all files merged
 * in event-time order (each file is read in its own order), each record with its event time as
 * the Kafka timestamp and its host as the key (one host's records stay in order in one
 * partition), at a chosen rate, with progress lines.
 */
public final class ReplayPublisher {
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Map<String, String> topics;
    private final double perSecond;
    private final TimeSlice slice;
    private final PrintStream progress;

    /**
     * @param topics channel to topic
     * @param perSecond records per second over all topics; 0: as fast as the broker takes them
     * @param slice which records, by event time
     */
    public ReplayPublisher(Map<String, String> topics, double perSecond, TimeSlice slice, PrintStream progress) {
        this.topics = topics;
        this.perSecond = perSecond;
        this.slice = slice;
        this.progress = progress;
    }

    /** Kafka producer settings for a replay: idempotent, acknowledged by all replicas. */
    public static Properties producerConfig(String bootstrapServers, Properties client) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    /** Publishes every file of every input; returns the number of records sent. */
    public long publish(Map<String, List<Path>> inputs, Producer<byte[], byte[]> producer)
            throws IOException, InterruptedException {
        List<FileCursor> open = new ArrayList<>();
        PriorityQueue<FileCursor> queue = new PriorityQueue<>(Comparator.comparingLong(FileCursor::order));
        try {
            for (Map.Entry<String, List<Path>> in : inputs.entrySet()) {
                for (Path path : in.getValue()) {
                    for (Path file : ArchiveFiles.list(path)) {
                        FileCursor c = new FileCursor(in.getKey(), file);
                        open.add(c);
                        if (c.advance()) {
                            queue.add(c);
                        }
                    }
                }
            }
            long sent = send(queue, producer);
            producer.flush();
            progress.printf("published %d records from %d file(s) to %s%n", sent, open.size(), topics);
            return sent;
        } finally {
            for (FileCursor c : open) {
                c.close();
            }
        }
    }

    private long send(PriorityQueue<FileCursor> queue, Producer<byte[], byte[]> producer)
            throws IOException, InterruptedException {
        Pacer pacer = new Pacer(perSecond);
        long sent = 0;
        long start = System.nanoTime();
        long lastReport = start;
        while (!queue.isEmpty()) {
            FileCursor c = queue.poll();
            if (slice.contains(c.time)) {
                pacer.await(sent);
                byte[] key = c.key == null ? null : c.key.getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topics.get(c.channel), null, c.time, key,
                        c.line.getBytes(StandardCharsets.UTF_8)));
                sent++;
            }
            if (c.advance()) {
                queue.add(c);
            }
            long now = System.nanoTime();
            if (now - lastReport >= PROGRESS_EVERY_NANOS) {
                lastReport = now;
                progress.printf("  %,d records, %,.0f/s, event time %s, %s%n", sent, sent * 1e9 / (now - start),
                        c.time == null ? "-" : Instant.ofEpochMilli(c.time), c.file.getFileName());
            }
        }
        return sent;
    }

    /** Opens a producer for {@link #publish}. */
    public static Producer<byte[], byte[]> producer(String bootstrapServers, Properties client) {
        return new KafkaProducer<>(producerConfig(bootstrapServers, client));
    }
}
