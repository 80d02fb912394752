package org.t1573.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertFormatter;
import org.t1573.alert.AlertJson;
import org.t1573.ingest.DeadLetter;
import org.t1573.pattern.PatternSet;

/**
 * A bounded run over files whose results come back to this process: alerts and dead letters are
 * collected (one stream, so neither can stall the other; long lines in pieces, see
 * {@link CollectedLines}), sorted into a stable order and written as JSON lines under the output
 * directory.
 */
public final class LocalRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALERT = "A";
    private static final String DEAD = "D";

    private LocalRun() {}

    /** Runs the job on the current execution environment (a MiniCluster under {@code java -jar}). */
    public static RunResult execute(JobOptions options, PatternSet patterns) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                LocalNetworkMemory.configuration(options, patterns.patterns().size()));
        DetectionJob.Outputs outputs = DetectionJob.build(env, options, patterns);
        return executeTogether(env, List.of(outputs), client -> ProgressReporter.forRun(client, options)).get(0);
    }

    /** What watches a running job (progress lines); closed when its results are in. */
    @FunctionalInterface
    public interface Watcher {
        AutoCloseable watch(JobClient client) throws IOException;
    }

    /**
     * Runs independent graphs built on {@code env} as one Flink job, so that their start-up is paid
     * once: one result per entry of {@code graphs}, in their order. Counters are the whole job's,
     * the same map in every result.
     */
    public static List<RunResult> executeTogether(StreamExecutionEnvironment env, List<DetectionJob.Outputs> graphs,
            Watcher watcher) throws Exception {
        DataStream<String> merged = null;
        for (int i = 0; i < graphs.size(); i++) {
            String alert = i + ALERT;
            String dead = i + DEAD;
            DataStream<String> tagged = graphs.get(i).alerts().map(a -> alert + a).name("tag alerts")
                    .union(graphs.get(i).deadLetters().map(d -> dead + JSON.writeValueAsString(d))
                            .name("tag dead letters"));
            merged = merged == null ? tagged : merged.union(tagged);
        }
        List<List<String>> alerts = new ArrayList<>();
        List<List<String>> dead = new ArrayList<>();
        for (int i = 0; i < graphs.size(); i++) {
            alerts.add(new ArrayList<>());
            dead.add(new ArrayList<>());
        }
        CloseableIterator<String> it = merged.flatMap(new CollectedLines.Split()).name("pieces of long lines")
                .collectAsync();
        JobClient client = env.executeAsync("t1573-cep");
        CollectedLines.Join pieces = new CollectedLines.Join();
        try (it; AutoCloseable watching = watcher.watch(client)) {
            while (it.hasNext()) {
                String line = pieces.add(it.next());
                if (line != null) {
                    int tag = firstNonDigit(line);
                    int graph = Integer.parseInt(line.substring(0, tag));
                    (line.startsWith(ALERT, tag) ? alerts : dead).get(graph).add(line.substring(tag + 1));
                }
            }
        }
        JobExecutionResult result = client.getJobExecutionResult().get();
        Map<String, Long> counters = new TreeMap<>();
        result.getAllAccumulatorResults().forEach((k, v) -> {
            if (v instanceof Long) {
                counters.put(k, (Long) v);
            }
        });
        List<RunResult> results = new ArrayList<>();
        for (int i = 0; i < graphs.size(); i++) {
            dead.get(i).sort(Comparator.naturalOrder());
            results.add(new RunResult(inAlertOrder(alerts.get(i)), dead.get(i), counters));
        }
        return results;
    }

    private static int firstNonDigit(String line) {
        int i = 0;
        while (Character.isDigit(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The alerts sorted by {@link #alertOrder}, each alert read once (not once per comparison). */
    private static List<String> inAlertOrder(List<String> alerts) {
        List<Map.Entry<String, String>> keyed = new ArrayList<>(alerts.size());
        for (String json : alerts) {
            keyed.add(Map.entry(alertOrder(json), json));
        }
        keyed.sort(Map.Entry.comparingByKey());
        List<String> sorted = new ArrayList<>(alerts.size());
        keyed.forEach(k -> sorted.add(k.getValue()));
        return sorted;
    }

    /**
     * Writes alerts.jsonl, in the formatter's format, and dead-letters.jsonl into the directory.
     * The run's result stays native: summaries, scores and diffs read it.
     */
    public static void write(RunResult r, Path out, AlertFormatter format) throws IOException {
        Files.createDirectories(out);
        Files.write(out.resolve("alerts.jsonl"), r.alerts().stream().map(format::format).toList(),
                StandardCharsets.UTF_8);
        Files.write(out.resolve("dead-letters.jsonl"), r.deadLetters(), StandardCharsets.UTF_8);
    }

    /** Window start, analytic, alert id, then create before update. */
    private static String alertOrder(String json) {
        Alert a = AlertJson.read(json);
        return a.window().start() + '|' + a.analytic().id() + '|' + a.alertId() + '|'
                + ("create".equals(a.activity()) ? 0 : 1);
    }
}
