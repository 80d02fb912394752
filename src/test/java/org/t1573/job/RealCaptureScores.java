package org.t1573.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.t1573.backtest.FinalAlerts;
import org.t1573.backtest.Labels;
import org.t1573.backtest.ScoreTable;
import org.t1573.backtest.Scorecard;
import org.t1573.backtest.Scoring;
import org.t1573.pattern.PatternLoadException;
import org.t1573.pattern.PatternSet;

/**
 * Precision and recall per analytic over every real capture of ../shared/data: each capture of
 * {@code src/test/resources/labels/captures.yml} is backtested with its settings, scored against
 * its labels file, and the scorecards are summed. {@code bench/real-captures.sh} runs it.
 */
public final class RealCaptureScores {
    static final Path SUITE = Path.of("src/test/resources/labels/captures.yml");
    static final Path DATA = Path.of("..", "shared", "data");

    /** One capture of the suite: its input ({@code channel=path} under DATA) and backtest arguments. */
    public record Capture(String capture, String input, List<String> arguments) {
        Path labels() {
            return SUITE.resolveSibling(capture + ".labels.csv");
        }
    }

    /** A capture's scorecard and its alert count. */
    public record Result(Capture capture, Scorecard card, int alerts) {}

    private RealCaptureScores() {}

    /** Arguments: the output directory (default out/real-captures), then pattern directories (default patterns). */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "out/real-captures");
        List<Path> patterns = args.length > 1 ? Arrays.stream(args).skip(1).map(Path::of).toList()
                : List.of(Path.of("patterns"));
        List<Result> results = scoreAll(out, patterns);
        print(results, System.out);
    }

    /** The suite's captures. */
    public static List<Capture> suite() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Capture> out = new ArrayList<>();
        for (Capture c : yaml.readValue(SUITE.toFile(), Capture[].class)) {
            out.add(new Capture(c.capture(), c.input(), c.arguments() == null ? List.of() : c.arguments()));
        }
        return out;
    }

    /** Backtests and scores every capture with the given pattern directories; outputs under {@code out}. */
    public static List<Result> scoreAll(Path out, List<Path> patterns) throws Exception {
        List<String> analytics = new ArrayList<>();
        try {
            PatternSet.load(patterns, Map.of()).patterns().forEach(p -> analytics.add(p.id()));
        } catch (PatternLoadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        List<Result> results = new ArrayList<>();
        for (Capture c : suite()) {
            Path dir = out.resolve(c.capture());
            int sep = c.input().indexOf('=');
            List<String> args = new ArrayList<>(List.of("backtest", "--out", dir.toString(), "--input",
                    c.input().substring(0, sep + 1) + DATA.resolve(c.input().substring(sep + 1))));
            patterns.forEach(p -> args.addAll(List.of("--patterns", p.toString())));
            args.addAll(c.arguments());
            int rc = Main.commandLine().execute(args.toArray(new String[0]));
            if (rc != 0) {
                throw new IllegalStateException("backtest of " + c.capture() + " exited " + rc);
            }
            var alerts = FinalAlerts.of(Files.readAllLines(dir.resolve("alerts.jsonl")));
            results.add(new Result(c, Scoring.score(alerts, Labels.read(c.labels()), analytics), alerts.size()));
        }
        return results;
    }

    /** Per capture its alerts, true and false positives and misses; then the summed table. */
    public static void print(List<Result> results, PrintStream out) {
        out.println("Real captures (labels: " + SUITE.getParent() + ")");
        Map<String, int[]> perCapture = new LinkedHashMap<>();
        for (Result r : results) {
            int[] c = perCapture.computeIfAbsent(r.capture().capture(), k -> new int[4]);
            c[0] = r.alerts();
            for (Scorecard.AnalyticScore s : r.card().analytics()) {
                c[1] += s.tp();
                c[2] += s.fp();
                c[3] += s.fn();
            }
        }
        out.printf("  %-54s %6s %4s %4s %4s%n", "capture", "alerts", "TP", "FP", "FN");
        perCapture.forEach((name, c) -> out.printf("  %-54s %6d %4d %4d %4d%n", name, c[0], c[1], c[2], c[3]));
        ScoreTable.print(Scoring.combine(results.stream().map(Result::card).toList()), out);
    }
}
