import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

/**
 * The Flink REST calls of stack.sh, so that it needs neither curl nor jq (a single-file program, run
 * with the broker classpath for Jackson):
 *   FlinkRest.java taskmanagers URL                      registered TaskManagers (exit 1 if unreachable)
 *   FlinkRest.java jobs URL                              one line per job: id, name, state
 *   FlinkRest.java submit URL JAR SAVEPOINT|- ARGS...    uploads the jar, runs org.t1573.job.Main; prints the job id
 */
public class FlinkRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String url = args[1];
        switch (args[0]) {
            case "taskmanagers" -> System.out.println(get(url + "/overview").path("taskmanagers").asInt());
            case "jobs" -> get(url + "/jobs/overview").path("jobs").forEach(j -> System.out.println(
                    "job " + j.path("jid").asText() + " " + j.path("name").asText() + " " + j.path("state").asText()));
            case "submit" -> System.out.println(submit(url, Path.of(args[2]), args[3],
                    Arrays.copyOfRange(args, 4, args.length)));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static String submit(String url, Path jar, String savepoint, String[] programArgs) throws Exception {
        String boundary = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode uploaded = send(HttpRequest.newBuilder(URI.create(url + "/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        String jarId = Path.of(uploaded.path("filename").asText()).getFileName().toString();
        ObjectNode run = JSON.createObjectNode().put("entryClass", "org.t1573.job.Main");
        Arrays.stream(programArgs).forEach(run.putArray("programArgsList")::add);
        if (!savepoint.equals("-")) {
            run.put("savepointPath", savepoint);
        }
        return send(HttpRequest.newBuilder(URI.create(url + "/jars/" + jarId + "/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(run.toString()))).path("jobid").asText();
    }

    private static JsonNode get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            System.err.println(r.request().uri() + ": HTTP " + r.statusCode() + " " + r.body());
            System.exit(1);
        }
        return JSON.readTree(r.body());
    }
}
