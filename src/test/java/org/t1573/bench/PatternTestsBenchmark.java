package org.t1573.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.t1573.backtest.PatternTestCase;
import org.t1573.backtest.PatternTestFile;
import org.t1573.job.PatternTestRunner;

/**
 * {@code test-patterns} as it runs (every case in one job) against its baseline in the same run,
 * a job per case (how it ran before), over the test files under a pattern directory.
 * Usage: {@code PatternTestsBenchmark [patterns-dir]}.
 */
public final class PatternTestsBenchmark {
    private PatternTestsBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "patterns");
        List<PatternTestFile> files = new ArrayList<>();
        for (Path f : PatternTestFile.find(dir)) {
            files.add(PatternTestFile.read(f));
        }
        int cases = files.stream().mapToInt(f -> f.cases().size()).sum();
        Path work = Files.createTempDirectory("t1573-bench-pattern-tests");
        PatternTestRunner runner = new PatternTestRunner(work);

        long start = System.nanoTime();
        long passed = runner.run(files).stream().filter(PatternTestRunner.Outcome::passed).count();
        double together = seconds(start);

        start = System.nanoTime();
        long passedAlone = 0;
        for (PatternTestFile f : files) {
            for (PatternTestCase c : f.cases()) {
                PatternTestFile one = new PatternTestFile(f.file(), f.patternFile(), f.pattern(), List.of(c));
                passedAlone += runner.run(List.of(one)).stream().filter(PatternTestRunner.Outcome::passed).count();
            }
        }
        double alone = seconds(start);

        System.out.printf("pattern test cases: %d (passed: %d in one job, %d one job each)%n", cases, passed,
                passedAlone);
        System.out.printf("all cases in one job:   %6.1f s%n", together);
        System.out.printf("one job per case:       %6.1f s (baseline)%n", alone);
        System.out.printf("one job / one per case: %6.2f%n", together / alone);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
