package org.t1573.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The real stack of {@code deploy/local/stack.sh} (a Kafka broker, a Flink JobManager and
 * TaskManagers as separate processes) on ports of its own, driven by the script and the Flink
 * REST API.
 */
final class LocalStack implements AutoCloseable {
    static final int KAFKA_PORT = 29092;
    static final int REST_PORT = 28081;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCRIPT = Path.of("deploy", "local", "stack.sh").toAbsolutePath();

    private final Path work;
    private final Path jar;
    private final HttpClient http = HttpClient.newHttpClient();

    LocalStack(Path work, Path jar) {
        this.work = work;
        this.jar = jar;
    }

    String bootstrapServers() {
        return "localhost:" + KAFKA_PORT;
    }

    /** Broker, JobManager and one TaskManager; no topics, no job. */
    void start() throws IOException, InterruptedException {
        script("kafka-start");
        script("jm-start");
        script("tm-start");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        script("down");
    }

    /** Submits the job jar with these arguments (and from a savepoint if not null); returns the job id. */
    String submit(List<String> args, String savepoint) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("submit"));
        command.addAll(args);
        return script(savepoint == null ? Map.of() : Map.of("SAVEPOINT", savepoint), command).strip();
    }

    String script(String... command) throws IOException, InterruptedException {
        return script(Map.of(), List.of(command));
    }

    private String script(Map<String, String> extraEnv, List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = pb.environment();
        env.put("WORK", work.toString());
        env.put("JAR", jar.toString());
        env.put("KAFKA_PORT", String.valueOf(KAFKA_PORT));
        env.put("FLINK_REST_PORT", String.valueOf(REST_PORT));
        env.put("FLINK_RPC_PORT", "26123");
        env.put("PROM_PORTS", "29249-29259");
        env.putAll(extraEnv);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("stack.sh " + command + " failed: " + out);
        }
        return out;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException(r.request().uri() + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + REST_PORT + path);
    }

    String state(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId).get("state").asText();
    }

    long completedCheckpoints(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong();
    }

    /** Stops the job with a savepoint (not draining: windows stay open in the savepoint); returns its path. */
    String stopWithSavepoint(String jobId) throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("drain", false)
                .put("targetDirectory", work.resolve("savepoints").toUri().toString()).toString();
        String trigger = send(HttpRequest.newBuilder(uri("/jobs/" + jobId + "/stop"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)))
                .get("request-id").asText();
        String[] location = new String[1];
        await(Duration.ofMinutes(2), "savepoint of " + jobId, () -> {
            JsonNode s = uncheckedGet("/jobs/" + jobId + "/savepoints/" + trigger);
            if (s.path("operation").has("failure-cause")) {
                throw new IllegalStateException("savepoint failed: " + s.path("operation").path("failure-cause"));
            }
            location[0] = s.path("operation").path("location").asText(null);
            return "COMPLETED".equals(s.path("status").path("id").asText());
        });
        return location[0];
    }

    /** Cancels the job if it still runs (tests leave no job holding slots). */
    void cancel(String jobId) throws IOException, InterruptedException {
        if (jobId != null && !List.of("FINISHED", "CANCELED", "FAILED").contains(state(jobId))) {
            send(HttpRequest.newBuilder(uri("/jobs/" + jobId + "?mode=cancel"))
                    .method("PATCH", HttpRequest.BodyPublishers.noBody()));
            await(Duration.ofMinutes(1), "cancellation of " + jobId, () -> "CANCELED".equals(uncheckedState(jobId)));
        }
    }

    JsonNode uncheckedGet(String path) {
        try {
            return get(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String uncheckedState(String jobId) {
        return uncheckedGet("/jobs/" + jobId).get("state").asText();
    }

    /** Polls every 250 ms until the condition holds; fails with the description after the timeout. */
    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    Path work() {
        return work;
    }

    static Path jobJar() {
        return Path.of(System.getProperty("job.jar", "target/t1573-cep.jar")).toAbsolutePath();
    }

    static Path freshWork() throws IOException {
        Path w = Path.of(System.getProperty("cluster.work", "target/cluster-stack")).toAbsolutePath();
        Files.createDirectories(w);
        return w;
    }
}
