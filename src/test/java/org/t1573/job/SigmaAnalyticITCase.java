package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AN0400 written as two Sigma rules and a temporal_ordered correlation (samples/sigma/AN0400)
 * gives the alerts of patterns/windows/AN0400.yml, run together in one real job at parallelism 4:
 * on the bundled Windows samples (BATCH and STREAMING) and on the five OTRF Sysmon captures with each lab's networks declared internal
 * (one --set InternalNetworks tunes both, the Sigma rule through its %InternalNetworks% placeholder).
 * Alerts are compared whole but for what names the analytic (id, title, score, its step names).
 */
class SigmaAnalyticITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final String SIGMA_ID = "6f0e2a51-3c4b-4f5e-9a51-0b7c2d1e4a00";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    static Stream<Arguments> inputs() {
        // In BATCH (the default) and in STREAMING, where watermarks decide when windows close.
        Stream<Arguments> samples = Stream.of(Arguments.of("samples/windows", List.of()),
                Arguments.of("samples/windows", List.of("--mode", "STREAMING")));
        Stream<Arguments> captures = WindowsRealDataITCase.labs().map(a -> Arguments.of(
                Path.of("..", "shared", "data", "windows_sysmon", (String) a.get()[0]).toString(), a.get()[1]));
        return Stream.concat(samples, captures);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("inputs")
    void theSigmaCorrelationGivesAn0400sAlerts(String input, List<String> options) throws IOException {
        List<String> args = new ArrayList<>(List.of("backtest", "--input", "windows=" + input, "--out", out.toString(),
                "-p", "patterns/windows/AN0400.yml", "-p", "samples/sigma/AN0400", "--parallelism", "4"));
        args.addAll(options);
        assertThat(Main.commandLine().execute(args.toArray(new String[0]))).isZero();

        Map<String, List<String>> byAnalytic = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("alerts.jsonl"))) {
            ObjectNode alert = (ObjectNode) JSON.readTree(line);
            String id = alert.path("analytic").path("id").asText();
            byAnalytic.computeIfAbsent(id, k -> new ArrayList<>()).add(withoutAnalytic(alert));
        }
        assertThat(byAnalytic.get("AN0400")).isNotEmpty();
        assertThat(byAnalytic.get(SIGMA_ID)).containsExactlyInAnyOrderElementsOf(byAnalytic.get("AN0400"));
    }

    /** The alert without what describes its analytic (id, title, severity, confidence, score, summary); steps by AN0400's names. */
    private static String withoutAnalytic(ObjectNode alert) {
        for (String f : List.of("alert_id", "analytic", "severity", "confidence", "score", "score_reasons", "summary")) {
            alert.remove(f);
        }
        for (JsonNode e : alert.path("evidence")) {
            ((ObjectNode) e).put("step", e.path("step").asText().replace("an0400_", ""));
        }
        return alert.toString();
    }
}
