package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.pattern.PatternSet;
import picocli.CommandLine;

/**
 * {@code backtest --labels --compare --report} over the Windows samples, with the report opened
 * in Debian's headless chromium. The comparison runs the repository's patterns (A) against a copy
 * whose AN0400 base score is 10 lower (B).
 */
class BacktestReportITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    @TempDir
    static Path dir;

    private static Path out;
    private static String printed;

    @BeforeAll
    static void backtest() throws Exception {
        Path older = dir.resolve("patterns-old");
        copy(Path.of("patterns"), older);
        Path an0400 = older.resolve("windows").resolve("AN0400.yml");
        Files.writeString(an0400, Files.readString(an0400).replace("  base: 60", "  base: 50"));
        out = dir.resolve("out");
        BacktestCommand cmd = CommandLine.populateCommand(new BacktestCommand(), "--input", "windows=samples/windows",
                "--out", out.toString(), "--labels", "samples/windows/labels.csv", "--compare", older.toString(),
                "--report", out.resolve("report.html").toString());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int code = cmd.execute(new PrintStream(text, true, StandardCharsets.UTF_8), System.err);
        printed = text.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
    }

    @Test
    void scoresTheSamplesAsLabelled() throws IOException {
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        // labels.csv: 5 malicious rows expect both AN0400 and the seed; 6 benign rows document seed false positives.
        assertThat(row(report, "AN0400")).isEqualTo("5 0 0");
        assertThat(row(report, "SEED-KQL-T1573.001")).isEqualTo("5 6 0");
        assertThat(printed).contains("SEED-KQL-T1573.001         5     6            6     0       45%    100%");
    }

    @Test
    void diffShowsOnlyTheEditedAnalyticsScoresChanging() throws IOException {
        JsonNode diff = new ObjectMapper().readTree(out.resolve("diff.json").toFile());
        assertThat(diff.get("onlyA")).isEmpty();
        assertThat(diff.get("onlyB")).isEmpty();
        assertThat(diff.get("changed")).isNotEmpty().allSatisfy(c -> {
            assertThat(c.get("key").asText()).startsWith("AN0400 ");
            assertThat(c.get("fields")).hasSize(1);
            assertThat(c.get("fields").get(0).get("b").asInt()).isEqualTo(c.get("fields").get(0).get("a").asInt() - 10);
        });
    }

    @Test
    void rendersInHeadlessChromium() throws Exception {
        Path chromium = chromium();
        Path png = dir.resolve("report.png");
        String dom = runChromium(chromium, "--dump-dom");
        runChromium(chromium, "--screenshot=" + png);
        PatternSet all = PatternSet.load(List.of(JobRuns.PATTERNS), Map.of());
        long windows = all.patterns().stream().filter(p -> p.definition().platform().equals("windows")).count();
        // a row per analytic that ran (the Windows ones), none for the others, which the heading names
        assertThat(count(dom, "<tr class=\"analytic\"")).isEqualTo(windows).isLessThan(all.patterns().size());
        assertThat(dom).contains("not run, no input of their platform: ", "T1573-BEACON")
                .doesNotContain("data-analytic=\"T1573-BEACON\"", "no labels given", "{ConnectionCount=");
        // only analytics with alerts get a chart over time
        JsonNode scored = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("alerts");
        long alerting = java.util.stream.StreamSupport.stream(scored.spliterator(), false)
                .map(a -> a.get("analytic").asText()).distinct().count();
        assertThat(count(dom, "<section class=\"over-time\"")).isEqualTo(alerting).isPositive()
                .isEqualTo(count(dom, "<svg class=\"chart alerts-over-time\""));
        assertThat(dom).contains("<table id=\"diff\">", "<table id=\"diff-scores\">", "<th>verdict B</th>",
                "class=\"chart histogram\"", "<table class=\"destinations\">", "<table class=\"summary\">");
        assertThat(Files.size(png)).isGreaterThan(20_000);
    }

    private static String row(JsonNode report, String analytic) {
        for (JsonNode r : report.get("analytics")) {
            if (r.get("analytic").asText().equals(analytic)) {
                return r.get("tp").asInt() + " " + r.get("fp").asInt() + " " + r.get("fn").asInt();
            }
        }
        return "none";
    }

    /** Debian's chromium; outside CI a machine without it skips the test, in CI it must be installed. */
    private static Path chromium() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(d, "chromium");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        if (System.getenv("CI") != null) {
            fail("chromium is not installed: run .ci/install-chromium.sh before the tests");
        }
        Assumptions.abort("chromium is not installed (apt-get install chromium); CI fails instead of skipping");
        return null;
    }

    private static String runChromium(Path chromium, String action) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,2000", action,
                out.resolve("report.html").toUri().toString()));
        Path stdout = dir.resolve("chromium-out.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 90 s");
        }
        assertThat(p.exitValue()).isZero();
        return Files.readString(stdout);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
