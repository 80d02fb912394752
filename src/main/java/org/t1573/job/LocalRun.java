package org.t1573.job;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        DataStream<String> merged = outputs.alerts().map(a -> ALERT + a).name("tag alerts")
                .union(outputs.deadLetters().map(LocalRun::tagDeadLetter).name("tag dead letters"));
        List<String> alerts = new ArrayList<>();
        List<String> dead = new ArrayList<>();
        CloseableIterator<String> it = merged.flatMap(new CollectedLines.Split()).name("pieces of long lines")
                .collectAsync();
        JobClient client = env.executeAsync("t1573-cep");
        CollectedLines.Join pieces = new CollectedLines.Join();
        try (it; ProgressReporter progress = ProgressReporter.forRun(client, options)) {
            while (it.hasNext()) {
                String line = pieces.add(it.next());
                if (line != null) {
                    (line.startsWith(ALERT) ? alerts : dead).add(line.substring(1));
                }
            }
        }
        JobExecutionResult result = client.getJobExecutionResult().get();
        dead.sort(Comparator.naturalOrder());
        Map<String, Long> counters = new TreeMap<>();
        result.getAllAccumulatorResults().forEach((k, v) -> {
            if (v instanceof Long) {
                counters.put(k, (Long) v);
            }
        });
        return new RunResult(inAlertOrder(alerts), dead, counters);
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

    /** Writes alerts.jsonl and dead-letters.jsonl into the directory. */
    public static void write(RunResult r, Path out) throws IOException {
        Files.createDirectories(out);
        Files.write(out.resolve("alerts.jsonl"), r.alerts(), StandardCharsets.UTF_8);
        Files.write(out.resolve("dead-letters.jsonl"), r.deadLetters(), StandardCharsets.UTF_8);
    }

    private static String tagDeadLetter(DeadLetter d) throws JsonProcessingException {
        return DEAD + JSON.writeValueAsString(d);
    }

    /** Window start, analytic, alert id, then create before update. */
    private static String alertOrder(String json) {
        Alert a = AlertJson.read(json);
        return a.window().start() + '|' + a.analytic().id() + '|' + a.alertId() + '|'
                + ("create".equals(a.activity()) ? 0 : 1);
    }
}
