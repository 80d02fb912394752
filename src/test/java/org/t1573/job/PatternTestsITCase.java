package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.backtest.PatternTestFile;

/** Every pattern test case under patterns/ (what {@code test-patterns} runs), one JUnit test each. */
class PatternTestsITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    @TempDir
    static Path work;

    @TestFactory
    List<DynamicTest> everyPatternTestCasePasses() throws Exception {
        List<PatternTestFile> files = new ArrayList<>();
        for (Path f : PatternTestFile.find(JobRuns.PATTERNS)) {
            files.add(PatternTestFile.read(f));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (PatternTestRunner.Outcome o : new PatternTestRunner(work).run(files)) {
            tests.add(DynamicTest.dynamicTest(o.pattern() + ": " + o.name(),
                    () -> assertThat(o.failures()).isEmpty()));
        }
        assertThat(tests).hasSize(files.stream().mapToInt(f -> f.cases().size()).sum()).isNotEmpty();
        return tests;
    }
}
