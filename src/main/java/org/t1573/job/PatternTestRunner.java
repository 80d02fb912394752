package org.t1573.job;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.t1573.backtest.CaseCheck;
import org.t1573.backtest.FinalAlerts;
import org.t1573.backtest.PatternTestCase;
import org.t1573.backtest.PatternTestFile;
import org.t1573.pattern.PatternLoadException;
import org.t1573.pattern.PatternSet;

/**
 * Runs pattern test cases: every case is its pattern alone over its own input, and all cases are
 * independent graphs of one bounded Flink job (a job per case cost ~1.3 s of start-up each), then
 * {@link CaseCheck} compares each case's alerts with its expectations.
 */
public final class PatternTestRunner {
    /**
     * Slots of the embedded cluster: the cases' graphs are independent, so several run at once
     * while others wait on deployment (4 slots: 30 s against 45 s with 1, bench/test-patterns.sh).
     */
    private static final int SLOTS = 4;

    private final Path work;

    /** {@code work}: a scratch directory for the cases' input files and outputs. */
    public PatternTestRunner(Path work) {
        this.work = work;
    }

    /** A case's outcome: the reasons it fails, empty when it passes. */
    public record Outcome(String pattern, String name, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /** Runs every case of every test file under {@code dir}; prints a line per case; true when all pass. */
    public boolean runAll(Path dir, PrintStream out) throws Exception {
        List<PatternTestFile> files = new ArrayList<>();
        for (Path f : PatternTestFile.find(dir)) {
            files.add(PatternTestFile.read(f));
        }
        int passed = 0;
        int failed = 0;
        for (Outcome o : run(files)) {
            out.printf("%s  %-22s %s%n", o.passed() ? "PASS" : "FAIL", o.pattern(), o.name());
            o.failures().forEach(reason -> out.println("        " + reason));
            if (o.passed()) {
                passed++;
            } else {
                failed++;
            }
        }
        out.printf("%d case(s): %d passed, %d failed%n", passed + failed, passed, failed);
        return failed == 0 && passed > 0;
    }

    /** The outcome of every case of {@code files}, in file and case order, from one job. */
    public List<Outcome> run(List<PatternTestFile> files) throws Exception {
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, SLOTS);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        List<Outcome> outcomes = new ArrayList<>();
        List<Integer> graphOf = new ArrayList<>();
        List<DetectionJob.Outputs> graphs = new ArrayList<>();
        List<PatternTestCase> cases = new ArrayList<>();
        for (PatternTestFile tests : files) {
            for (PatternTestCase c : tests.cases()) {
                outcomes.add(new Outcome(tests.pattern(), c.name(), new ArrayList<>()));
                cases.add(c);
                String unrunnable = addGraph(env, tests, c, graphs);
                graphOf.add(unrunnable == null ? graphs.size() - 1 : -1);
                if (unrunnable != null) {
                    outcomes.get(outcomes.size() - 1).failures().add(unrunnable);
                }
            }
        }
        if (graphs.isEmpty()) {
            return outcomes;
        }
        List<RunResult> results = LocalRun.executeTogether(env, graphs, client -> () -> { });
        for (int i = 0; i < outcomes.size(); i++) {
            if (graphOf.get(i) >= 0) {
                RunResult result = results.get(graphOf.get(i));
                List<String> failures = outcomes.get(i).failures();
                failures.addAll(CaseCheck.failures(cases.get(i), FinalAlerts.of(result.alerts())));
                result.deadLetters().forEach(d -> failures.add("dead letter: " + d));
            }
        }
        return outcomes;
    }

    /** Adds the case's graph to {@code graphs}; or says why the case cannot run. */
    private String addGraph(StreamExecutionEnvironment env, PatternTestFile tests, PatternTestCase c,
            List<DetectionJob.Outputs> graphs) throws IOException {
        Path dir = Files.createTempDirectory(work, "case");
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < c.inputs().size(); i++) {
            inputs.add(inputFile(c.inputs().get(i), dir.resolve("input-" + i + ".log")));
        }
        // A case is a handful of records: one subtask per operator (alerts do not depend on it).
        JobOptions options = JobOptionsFactory.of(inputs, List.of(tests.patternFile()), c.overrides(),
                dir.resolve("out")).withParallelismAndMode(1, RuntimeExecutionMode.BATCH);
        PatternSet set;
        try {
            set = PatternSet.load(options.patterns(), options.overrides());
        } catch (PatternLoadException e) {
            return e.getMessage();
        }
        if (set.patterns().stream().noneMatch(p -> p.id().equals(tests.pattern()))) {
            return tests.patternFile() + " does not define pattern " + tests.pattern();
        }
        DetectionJob.Outputs outputs = DetectionJob.build(env, options, set);
        prefixUids("case-" + graphs.size() + "/", outputs.alerts(), outputs.deadLetters());
        graphs.add(outputs);
        return null;
    }

    /**
     * Operator ids are unique in a job, and every case's graph names its operators alike: each
     * case's operators get the case as a prefix.
     */
    private static void prefixUids(String prefix, DataStream<?>... ends) {
        for (DataStream<?> end : ends) {
            for (Transformation<?> t : end.getTransformation().getTransitivePredecessors()) {
                if (t.getUid() != null && !t.getUid().startsWith(prefix)) {
                    t.setUid(prefix + t.getUid());
                }
            }
        }
    }

    /** {@code channel=path}: the inline lines or the matching lines of the file, written to {@code target}. */
    private static String inputFile(PatternTestCase.Input in, Path target) throws IOException {
        List<String> lines;
        if (in.lines() != null) {
            lines = in.lines();
        } else if (in.match() != null) {
            lines = Files.readAllLines(Path.of(in.file()), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains(in.match())).toList();
        } else {
            return in.channel() + "=" + in.file();
        }
        Files.write(target, lines, StandardCharsets.UTF_8);
        return in.channel() + "=" + target;
    }
}
