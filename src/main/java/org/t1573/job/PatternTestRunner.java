package org.t1573.job;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.t1573.backtest.CaseCheck;
import org.t1573.backtest.FinalAlerts;
import org.t1573.backtest.PatternTestCase;
import org.t1573.backtest.PatternTestFile;
import org.t1573.pattern.PatternSet;

/**
 * Runs pattern test cases: each case is one bounded job of its pattern alone over its input,
 * then {@link CaseCheck} compares the alerts with the expectations.
 */
public final class PatternTestRunner {
    private final Path work;

    /** {@code work}: a scratch directory for the cases' input files and outputs. */
    public PatternTestRunner(Path work) {
        this.work = work;
    }

    /** Runs every case of every test file under {@code dir}; prints a line per case; true when all pass. */
    public boolean runAll(Path dir, PrintStream out) throws Exception {
        int passed = 0;
        int failed = 0;
        for (Path f : PatternTestFile.find(dir)) {
            PatternTestFile tests = PatternTestFile.read(f);
            for (PatternTestCase c : tests.cases()) {
                List<String> failures = run(tests, c);
                out.printf("%s  %-22s %s%n", failures.isEmpty() ? "PASS" : "FAIL", tests.pattern(), c.name());
                failures.forEach(reason -> out.println("        " + reason));
                if (failures.isEmpty()) {
                    passed++;
                } else {
                    failed++;
                }
            }
        }
        out.printf("%d case(s): %d passed, %d failed%n", passed + failed, passed, failed);
        return failed == 0 && passed > 0;
    }

    /** The reasons one case fails; empty when it passes. */
    public List<String> run(PatternTestFile tests, PatternTestCase c) throws Exception {
        Path dir = Files.createTempDirectory(work, "case");
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < c.inputs().size(); i++) {
            inputs.add(inputFile(c.inputs().get(i), dir.resolve("input-" + i + ".log")));
        }
        JobOptions options = JobOptionsFactory.of(inputs, List.of(tests.patternFile()), c.overrides(),
                dir.resolve("out"));
        PatternSet set = PatternSet.load(options.patterns(), options.overrides());
        if (set.patterns().stream().noneMatch(p -> p.id().equals(tests.pattern()))) {
            return List.of(tests.patternFile() + " does not define pattern " + tests.pattern());
        }
        RunResult result = LocalRun.execute(options, set);
        List<String> failures = new ArrayList<>(CaseCheck.failures(c, FinalAlerts.of(result.alerts())));
        result.deadLetters().forEach(d -> failures.add("dead letter: " + d));
        return failures;
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
