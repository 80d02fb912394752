package org.t1573.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;
import org.t1573.job.JobRuns;
import org.t1573.replay.TimeSlice;

/**
 * The job on a real cluster: a Kafka broker and a Flink JobManager and TaskManager as separate
 * processes ({@code deploy/local/stack.sh}), the job jar submitted through the REST API, the
 * samples published to Kafka and the alerts read back with {@code read_committed}. Expected
 * alerts are those of a local batch run over the same samples.
 */
@Tag("cluster")
class ClusterITCase {
    private static final Path SAMPLES = Path.of("samples", "windows");
    private static final Path SYSMON = SAMPLES.resolve("sysmon.ndjson");
    private static final Duration ALERTS_TIMEOUT = Duration.ofMinutes(2);

    private static LocalStack stack;
    private static KafkaTestClient kafka;
    private static Set<String> expected;
    private static final List<String> submitted = new ArrayList<>();

    @BeforeAll
    static void startStack() throws Exception {
        expected = createdIds(JobRuns.run(List.of(SAMPLES), Map.of(), 2).alerts());
        stack = new LocalStack(LocalStack.freshWork(), LocalStack.jobJar());
        stack.start();
        kafka = new KafkaTestClient(stack.bootstrapServers());
    }

    /** Cancels what a test left running (a failed assertion skips its own cancel), freeing the slots. */
    @AfterEach
    void cancelJobs() throws Exception {
        for (String job : submitted) {
            stack.cancel(job);
        }
        submitted.clear();
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void boundedRunOnTheClusterRaisesTheAlertsOfALocalRun() throws Exception {
        Topics t = Topics.create("bounded");
        kafka.publish(SAMPLES, t.in, 0, TimeSlice.ALL);
        String job = submit(t.jobArgs("--bounded", "latest"), null);
        LocalStack.await(ALERTS_TIMEOUT, "job " + job + " to finish", () -> "FINISHED".equals(stack.uncheckedState(job)));

        List<String> alerts = kafka.readCommitted(t.alerts, a -> createdIds(a).equals(expected), Duration.ofSeconds(30),
                Duration.ofSeconds(2));
        assertThat(createdIds(alerts)).isEqualTo(expected);
        assertEachLineOnce(alerts);
        assertThat(kafka.readCommitted(t.dead, a -> false, Duration.ofSeconds(3), Duration.ZERO)).isEmpty();
    }

    @Test
    void recoversFromACheckpointWhenTheTaskManagerIsKilledMidStream() throws Exception {
        Topics t = Topics.create("tmkill");
        String job = submit(t.jobArgs(), null);
        long total = recordCount();
        CompletableFuture<Long> publishing = CompletableFuture.supplyAsync(() -> publishSlowly(t));
        LocalStack.await(Duration.ofMinutes(1), "a third of the records to be checkpointed",
                () -> kafka.committed(t.group, t.in) > total / 3);
        long atKill = kafka.committed(t.group, t.in);
        stack.script("tm-kill");
        stack.script("tm-start");
        assertThat(publishing.get()).isEqualTo(total);
        kafka.flush(t.in, SYSMON);

        List<String> alerts = kafka.readCommitted(t.alerts, a -> createdIds(a).equals(expected), ALERTS_TIMEOUT,
                Duration.ofSeconds(8));
        assertThat(atKill).isBetween(1L, total - 1);
        assertThat(failures(job)).isPositive();
        assertThat(createdIds(alerts)).isEqualTo(expected);
        assertEachLineOnce(alerts);
    }

    @Test
    void keepsKeyedStateAcrossASavepointAndAppliesAChangedParameter() throws Exception {
        Topics t = Topics.create("savepoint");
        // The beaconing rundll32 loads its crypto libraries at 08:00:00 and connects from 08:00:05.
        Instant split = Instant.parse("2026-03-02T08:00:03Z");
        String beaconProcess = "{8fac3226-4380-69a5-0104-000000000700}";
        String before = submit(t.jobArgs("--set",
                "AN0400.InternalNetworks=10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,203.0.113.0/24"), null);
        kafka.publish(SAMPLES, t.in, 0, new TimeSlice(null, split.toEpochMilli()));
        LocalStack.await(Duration.ofMinutes(1), "the first records to be checkpointed", () -> kafka.consumed(t.group, t.in));
        String savepoint = stack.stopWithSavepoint(before);

        submit(t.jobArgs(), savepoint);
        kafka.publish(SAMPLES, t.in, 0, new TimeSlice(split.toEpochMilli(), null));
        kafka.flush(t.in, SYSMON);
        List<String> alerts = kafka.readCommitted(t.alerts, a -> createdIds(a).equals(expected), ALERTS_TIMEOUT,
                Duration.ofSeconds(3));

        // Raised only if the crypto loads (state from before the savepoint) meet connections that
        // count as external only under the restored job's parameters.
        Alert beacon = alerts.stream().map(AlertJson::read)
                .filter(a -> a.analytic().id().equals("AN0400") && beaconProcess.equals(a.process().entityId()))
                .findFirst().orElseThrow(() -> new AssertionError("no AN0400 alert for the beacon in " + alerts.size()));
        assertThat(beacon.evidence()).anySatisfy(e -> {
            assertThat(e.step()).isEqualTo("crypto_load");
            assertThat(Instant.parse(e.timestamp())).isBefore(split);
        });
        assertThat(createdIds(alerts)).isEqualTo(expected);
        assertEachLineOnce(alerts);
    }

    @Test
    void resumesWithoutLossWhenTheBrokerRestarts() throws Exception {
        Topics t = Topics.create("broker");
        Instant split = Instant.parse("2026-03-02T09:00:00Z");
        submit(t.jobArgs(), null);
        kafka.publish(SAMPLES, t.in, 0, new TimeSlice(null, split.toEpochMilli()));
        LocalStack.await(Duration.ofMinutes(1), "the first records to be checkpointed", () -> kafka.consumed(t.group, t.in));
        stack.script("kafka-stop");
        Thread.sleep(3000);
        stack.script("kafka-start");
        kafka.publish(SAMPLES, t.in, 0, new TimeSlice(split.toEpochMilli(), null));
        kafka.flush(t.in, SYSMON);

        List<String> alerts = kafka.readCommitted(t.alerts, a -> createdIds(a).equals(expected), ALERTS_TIMEOUT,
                Duration.ofSeconds(5));
        assertThat(createdIds(alerts)).isEqualTo(expected);
        assertEachLineOnce(alerts);
    }

    private static String submit(List<String> args, String savepoint) throws Exception {
        String job = stack.submit(args, savepoint);
        submitted.add(job);
        return job;
    }

    /** All samples at 25 records a second: the TaskManager dies while they arrive. */
    /**
     * At 10 records a second the publishing outlasts the job's start-up and first checkpoints even
     * on a busy machine, so the kill falls mid-stream (at 25 a second a slow start once saw every
     * record committed before the first offset commit was read).
     */
    private static long publishSlowly(Topics t) {
        try {
            return kafka.publish(SAMPLES, t.in, 10, TimeSlice.ALL);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Non-blank lines of the sample logs: the records a replay publishes. */
    private static long recordCount() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            long n = 0;
            for (Path f : files.filter(f -> f.toString().endsWith(".ndjson")).collect(Collectors.toList())) {
                n += Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count();
            }
            return n;
        }
    }

    /** The failures the job recovered from (its exception history). */
    private static int failures(String job) throws Exception {
        return stack.get("/jobs/" + job + "/exceptions").path("exceptionHistory").path("entries").size();
    }

    /** The alert ids of the created alerts (updates repeat an id). */
    static Set<String> createdIds(List<String> alerts) {
        return alerts.stream().map(AlertJson::read).filter(a -> "create".equals(a.activity()))
                .map(Alert::alertId).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Exactly once: no alert line (id and activity) twice. */
    private static void assertEachLineOnce(List<String> alerts) {
        Map<String, Long> counts = alerts.stream().map(AlertJson::read)
                .collect(Collectors.groupingBy(a -> a.alertId() + " " + a.activity(), Collectors.counting()));
        assertThat(counts).allSatisfy((line, n) -> assertThat(n).as(line).isEqualTo(1L));
    }

    /** Topics, consumer group and transactions of one test, unique per run. */
    private record Topics(String in, String alerts, String dead, String group) {
        static Topics create(String name) throws Exception {
            String p = name + "-" + System.currentTimeMillis();
            Topics t = new Topics(p + ".windows", p + ".alerts", p + ".dead-letters", p);
            kafka.createTopics(t.in, t.alerts, t.dead);
            return t;
        }

        /**
         * The job on this test's topics. {@link KafkaTestClient#flush} advances every partition, so no
         * partition needs to be declared idle: idleness is long, so that a partition slow to reconnect
         * after a broker restart cannot be passed by the other's watermark.
         */
        List<String> jobArgs(String... extra) {
            List<String> args = new ArrayList<>(List.of("stream", "--bootstrap-servers", stack.bootstrapServers(),
                    "--topic", "windows=" + in, "--alerts-topic", alerts, "--dead-letters-topic", dead,
                    "--group-id", group, "--transactional-id-prefix", group, "--starting-offsets", "earliest",
                    "--checkpoint-interval", "2s", "--idleness", "1m",
                    "--patterns", Path.of("patterns").toAbsolutePath().toString(), "--job-name", group));
            args.addAll(List.of(extra));
            return args;
        }
    }
}
