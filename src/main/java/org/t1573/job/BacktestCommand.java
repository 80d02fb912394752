package org.t1573.job;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.t1573.alert.Alert;
import org.t1573.backtest.AlertDiff;
import org.t1573.backtest.DiffTable;
import org.t1573.backtest.FinalAlerts;
import org.t1573.backtest.HtmlReport;
import org.t1573.backtest.Label;
import org.t1573.backtest.Labels;
import org.t1573.backtest.Reports;
import org.t1573.backtest.ScoreTable;
import org.t1573.backtest.Scorecard;
import org.t1573.backtest.Scoring;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.PatternLoadException;
import org.t1573.pattern.PatternSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Replays archived logs, and optionally scores the alerts against labels, compares two pattern
 * versions over the same input and writes an HTML report.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Replays archived logs (files, directories, .gz) through the patterns in event time; "
                + "optionally scores against labels (--labels), compares pattern versions (--compare) and "
                + "writes an HTML report (--report).")
public final class BacktestCommand implements Callable<Integer> {
    @Mixin
    Main.RunOptions run = new Main.RunOptions();

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Labels CSV (scenario,host,process,destination,from,to,label,expected_alerts,description): "
                    + "prints TP/FP/FN, precision and recall per analytic and writes report.json in --out.")
    Path labels;

    @Option(names = "--compare", paramLabel = "PATH",
            description = "Second pattern set (B) run over the same input as --patterns (A): prints and writes "
                    + "diff.json with alerts only in A, only in B and changed. B's outputs go to <out>/compare.")
    List<Path> compare = new ArrayList<>();

    @Option(names = "--report", paramLabel = "FILE", description = "Self-contained HTML report to write (e.g. out/report.html).")
    Path report;

    @Override
    public Integer call() throws Exception {
        return execute(System.out, System.err);
    }

    Integer execute(PrintStream out, PrintStream err) throws Exception {
        if (run.inputs.isEmpty()) {
            err.println("backtest: give at least one --input");
            return Main.USAGE;
        }
        if (labels == null && compare.isEmpty() && report == null) {
            return run.execute(out, err);
        }
        JobOptions options;
        PatternSet setA;
        PatternSet setB = null;
        JobOptions optionsB = null;
        List<Label> rows = List.of();
        try {
            options = run.toJobOptions(err);
            setA = PatternSet.load(options.patterns(), options.overrides());
            OutputDirectory.check("--out", options.out());
            if (!compare.isEmpty()) {
                optionsB = JobOptionsFactory.withPatterns(run, compare, options.out().resolve("compare"));
                setB = PatternSet.load(optionsB.patterns(), optionsB.overrides());
                OutputDirectory.check("--out", optionsB.out());
            }
            if (labels != null) {
                rows = Labels.read(labels);
            }
            if (report != null) {
                OutputDirectory.check("--report", report.toAbsolutePath().getParent());
            }
        } catch (IllegalArgumentException | PatternLoadException e) {
            err.println(e.getMessage());
            return Main.USAGE;
        }
        List<Alert> alerts = runAndSummarise(options, setA, out);
        List<String> channels = options.inputs().stream().map(InputSpec::channel).toList();
        Map<String, String> ran = new LinkedHashMap<>();
        PlatformScope.of(setA, channels).patterns().forEach(p -> ran.put(p.id(), p.definition().title()));
        HtmlReport html = new HtmlReport(alerts, ran,
                PlatformScope.skipped(setA, channels));
        if (labels != null) {
            Scorecard card = Scoring.score(alerts, rows, ids(setA));
            ScoreTable.print(card, out);
            Path json = options.out().resolve("report.json");
            Reports.writeJson(card, json);
            out.println("  -> " + json);
            html.withScores(card);
        }
        if (setB != null) {
            List<Alert> alertsB = runAndSummarise(optionsB, setB, out);
            AlertDiff diff = AlertDiff.compare(alerts, alertsB);
            DiffTable.print(diff, options.patterns().toString(), compare.toString(), out);
            Path json = options.out().resolve("diff.json");
            Reports.writeJson(diff, json);
            out.println("  -> " + json);
            // B scored too, so the report shows what the edit does to TP, FP and FN
            Scorecard cardB = labels == null ? null : Scoring.score(alertsB, rows, ids(setB));
            html.withDiff(diff, options.patterns().toString(), compare.toString(), alertsB, cardB);
        }
        if (report != null) {
            html.write(report);
            out.println("HTML report -> " + report);
        }
        return 0;
    }

    private List<Alert> runAndSummarise(JobOptions options, PatternSet set, PrintStream out) throws Exception {
        RunResult result = LocalRun.execute(options, set);
        LocalRun.write(result, options.out(), PatternRules.formatter(run.alertFormat, set));
        RunSummary.print(result, set, options, out);
        return FinalAlerts.of(result.alerts());
    }

    private static List<String> ids(PatternSet set) {
        return set.patterns().stream().map(CompiledPattern::id).toList();
    }
}
