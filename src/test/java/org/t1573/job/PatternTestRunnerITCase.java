package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.backtest.PatternTestFile;
import org.t1573.pattern.PatternCopies;

/**
 * All cases run in one job, yet each case sees only its own input and parameters, and a case whose
 * expectation is wrong, or that cannot run, fails alone with its reason.
 */
class PatternTestRunnerITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final String BEACON = "{8fac3226-4380-69a5-0104-000000000700}";

    @TempDir
    Path work;

    @Test
    void casesOfOneJobAreIsolatedAndWrongExpectationsFail() throws Exception {
        Path tests = PatternCopies.an0400In(work.resolve("patterns"), "AN0400.yml", t -> t)
                .resolveSibling("AN0400.tests.yml");
        String input = "    input: [{channel: windows, file: samples/windows/sysmon.ndjson, match: \"" + BEACON + "\"}]\n";
        Files.writeString(tests, "pattern: AN0400\ncases:\n"
                + "  - name: alerts\n" + input
                + "    expect: [{process: \"" + BEACON + "\", summary: {ConnectionCount: 15}}]\n"
                + "  - name: the same process allowed is silent\n" + input
                + "    set: {AllowedCryptoProcesses: rundll32.exe}\n    expect: []\n"
                + "  - name: a wrong count fails\n" + input
                + "    expect: [{process: \"" + BEACON + "\", summary: {ConnectionCount: 16}}]\n"
                + "  - name: an unknown parameter fails alone\n" + input
                + "    set: {NoSuchParameter: 1}\n    expect: []\n");

        List<PatternTestRunner.Outcome> outcomes = new PatternTestRunner(work).run(List.of(PatternTestFile.read(tests)));

        assertThat(outcomes).extracting(PatternTestRunner.Outcome::name).containsExactly("alerts",
                "the same process allowed is silent", "a wrong count fails", "an unknown parameter fails alone");
        assertThat(outcomes).extracting(PatternTestRunner.Outcome::passed).containsExactly(true, true, false, false);
        assertThat(String.join("\n", outcomes.get(2).failures())).contains("ConnectionCount");
        assertThat(String.join("\n", outcomes.get(3).failures())).contains("NoSuchParameter");
    }
}
