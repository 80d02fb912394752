package org.t1573.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.t1573.replay.ReplayPublisher;

/**
 * Latency on the real stack (not a test; bench/kafka-latency.sh): from the send of the event that
 * closes a detection (an AN0400 outbound connection after a crypto library load, event time = now)
 * to the alert's arrival at a {@code read_committed} consumer of the alert topic. The channel topic
 * has 4 partitions of which 2 carry traffic (heartbeat process starts every 100 ms, and the
 * detections) and 2 stay idle, so the watermark advances only through idleness.
 *
 * <p>Arguments: detections (default 60), then job options appended to the stream command.
 */
public final class LatencyBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SYSMON_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final String BEACON = "{8fac3226-4380-69a5-0104-000000000700}";
    private static final int PARTITIONS = 4;
    private static final int BUSY_PARTITIONS = 2;

    private final AtomicLong record = new AtomicLong(1_000_000);
    private final Map<String, Long> closedAt = new ConcurrentHashMap<>();
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        int detections = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        List<String> jobOptions = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        new LatencyBenchmark().run(detections, jobOptions);
    }

    private void run(int detections, List<String> jobOptions) throws Exception {
        List<JsonNode> templates = templates();
        try (LocalStack stack = new LocalStack(LocalStack.freshWork(), LocalStack.jobJar());
                KafkaTestClient kafka = new KafkaTestClient("localhost:" + LocalStack.KAFKA_PORT)) {
            stack.start();
            String p = "latency-" + System.currentTimeMillis();
            kafka.createTopics(PARTITIONS, p + ".windows", p + ".alerts", p + ".dead");
            List<String> args = new ArrayList<>(List.of("stream", "--bootstrap-servers", stack.bootstrapServers(),
                    "--topic", "windows=" + p + ".windows", "--alerts-topic", p + ".alerts", "--dead-letters-topic",
                    p + ".dead", "--group-id", p, "--transactional-id-prefix", p, "--starting-offsets", "latest",
                    "--patterns", Path.of("patterns").toAbsolutePath().toString()));
            args.addAll(jobOptions);
            System.out.println("job: " + String.join(" ", args));
            String job = stack.submit(args, null);
            LocalStack.await(Duration.ofMinutes(2), "the job to run", () -> running(stack, job));
            AtomicBoolean done = new AtomicBoolean();
            Thread consumer = new Thread(() -> consume(p + ".alerts", done));
            consumer.start();
            try (Producer<byte[], byte[]> producer = ReplayPublisher.producer(stack.bootstrapServers(), new Properties())) {
                warmUp(producer, p + ".windows", templates.get(0));
                produce(producer, p + ".windows", templates, detections);
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (latencies.size() < detections && System.nanoTime() < deadline) {
                    heartbeat(producer, p + ".windows", templates.get(0));
                    Thread.sleep(100);
                }
            }
            done.set(true);
            consumer.join();
            report(detections, args);
        }
    }

    private static boolean running(LocalStack stack, String job) {
        JsonNode j = stack.uncheckedGet("/jobs/" + job);
        if (!"RUNNING".equals(j.path("state").asText())) {
            return false;
        }
        for (JsonNode v : j.path("vertices")) {
            if (!"RUNNING".equals(v.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    /** Ten seconds of heartbeats: checkpoints and watermarks are in their steady state before measuring. */
    private void warmUp(Producer<byte[], byte[]> producer, String topic, JsonNode start) throws Exception {
        for (int i = 0; i < 100; i++) {
            heartbeat(producer, topic, start);
            Thread.sleep(100);
        }
    }

    private void produce(Producer<byte[], byte[]> producer, String topic, List<JsonNode> templates, int detections)
            throws Exception {
        for (int d = 0; d < detections; d++) {
            String guid = String.format("{bench000-0000-0000-0000-%012d}", d);
            int partition = d % BUSY_PARTITIONS;
            for (JsonNode t : templates) {
                send(producer, topic, partition, event(t, "BENCH-" + partition, guid, 100_000 + d));
            }
            closedAt.put(guid, System.nanoTime());
            for (int i = 0; i < 10; i++) {
                heartbeat(producer, topic, templates.get(0));
                Thread.sleep(100);
            }
        }
    }

    /** A benign process start on every busy partition, at the current time: live traffic. */
    private void heartbeat(Producer<byte[], byte[]> producer, String topic, JsonNode start) throws Exception {
        for (int partition = 0; partition < BUSY_PARTITIONS; partition++) {
            send(producer, topic, partition, event(start, "HEARTBEAT-" + partition, "{heartbeat-0000-0000-0000-00000000000"
                    + partition + "}", 4 + partition));
        }
    }

    private static void send(Producer<byte[], byte[]> producer, String topic, int partition, ObjectNode e)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, partition, System.currentTimeMillis(), null,
                JSON.writeValueAsBytes(e))).get();
    }

    private ObjectNode event(JsonNode template, String host, String guid, long pid) {
        Instant now = Instant.now();
        ObjectNode e = template.deepCopy();
        e.put("UtcTime", SYSMON_TIME.format(now));
        e.put("TimeCreated", now.toString());
        e.put("@timestamp", now.toString());
        e.put("Hostname", host);
        e.put("ProcessGuid", guid);
        e.put("ProcessId", String.valueOf(pid));
        e.put("RecordNumber", String.valueOf(record.incrementAndGet()));
        return e;
    }

    private void consume(String topic, AtomicBoolean done) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + LocalStack.KAFKA_PORT);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            while (!done.get()) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    JsonNode a = readTree(r.value());
                    if (a.path("analytic").path("id").asText().equals("AN0400")
                            && a.path("activity").asText().equals("create")) {
                        Long closed = closedAt.remove(a.path("process").path("entity_id").asText());
                        if (closed != null) {
                            latencies.add((now - closed) / 1_000_000);
                        }
                    }
                }
            }
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void report(int detections, List<String> args) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("detections %d, alerts received %d, partitions %d (%d idle)%n", detections, sorted.size(),
                PARTITIONS, PARTITIONS - BUSY_PARTITIONS);
        if (!sorted.isEmpty()) {
            System.out.printf("latency ms: min %d  p50 %d  p90 %d  p99 %d  max %d%n", sorted.get(0), pct(sorted, 50),
                    pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1));
        }
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** The beaconing rundll32 of the samples: its process start, crypto library load and first connection. */
    private static List<JsonNode> templates() throws java.io.IOException {
        List<JsonNode> t = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("samples", "windows", "sysmon.ndjson"), StandardCharsets.UTF_8)) {
            JsonNode e = JSON.readTree(line);
            int id = e.path("EventID").asInt();
            boolean wanted = (id == 1 && t.isEmpty()) || (id == 7 && t.size() == 1) || (id == 3 && t.size() == 2);
            if (BEACON.equals(e.path("ProcessGuid").asText()) && wanted) {
                t.add(e);
            }
        }
        return t;
    }
}
