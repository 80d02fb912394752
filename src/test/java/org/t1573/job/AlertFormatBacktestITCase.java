package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.alert.OcsfSchema;
import picocli.CommandLine;

/**
 * {@code backtest --alert-format ocsf --labels}: alerts.jsonl holds one valid Detection Finding per
 * alert line the summary counts, and scoring, which reads the run's native alerts, still works.
 */
class AlertFormatBacktestITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesOneValidFindingPerAlertLine(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CommandLine cl = Main.commandLine();
        cl.parseArgs("backtest", "--input", "windows=samples/windows", "--out", out.toString(),
                "--alert-format", "ocsf", "--labels", "samples/windows/labels.csv");
        BacktestCommand cmd = cl.getSubcommands().get("backtest").getCommand();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        assertThat(cmd.execute(new PrintStream(text, true, StandardCharsets.UTF_8), System.err)).isZero();
        String printed = text.toString(StandardCharsets.UTF_8);

        Matcher counted = Pattern.compile("alerts: \\d+ \\((\\d+) lines with updates\\)").matcher(printed);
        assertThat(counted.find()).as(printed).isTrue();
        List<String> lines = Files.readAllLines(out.resolve("alerts.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(Integer.parseInt(counted.group(1))).isNotEmpty();
        OcsfSchema schema = OcsfSchema.load(OcsfSchema.SHARED);
        OcsfSchema.Definition cls = schema.eventClass("detection_finding");
        for (String line : lines) {
            JsonNode finding = JSON.readTree(line);
            assertThat(finding.path("class_uid").asInt()).isEqualTo(schema.classUid(cls));
            assertThat(schema.validate(finding, cls)).isEmpty();
        }
        assertThat(printed).contains("precision");
        assertThat(out.resolve("report.json")).isNotEmptyFile();
    }
}
