package org.t1573.job;

import java.util.List;
import java.util.concurrent.Callable;
import org.t1573.backtest.PatternLint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Checks the pattern collection's conventions. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Checks the pattern collection: what validate checks (fields, values, parameter types), "
                + "unique ids, valid ATT&CK ids, every parameter documented and "
                + "used, file names patterns/<platform>/<ID>.yml matching the platform field, an <ID>.tests.yml "
                + "beside every pattern and a pattern beside every test file; Sigma rules (a top-level logsource or "
                + "correlation) are compiled as validate does. Exit code 1 when anything is found.")
public final class LintCommand implements Callable<Integer> {
    @Mixin
    PatternDir patterns = new PatternDir();

    @Override
    public Integer call() throws Exception {
        if (!patterns.exists("lint")) {
            return Main.USAGE;
        }
        List<String> findings = PatternLint.lint(patterns.dir);
        findings.forEach(System.out::println);
        System.out.printf("%d finding(s)%n", findings.size());
        return findings.isEmpty() ? 0 : 1;
    }
}
