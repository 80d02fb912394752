package org.t1573.job;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.t1573.pattern.PatternLoadException;
import org.t1573.sigma.SigmaSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures the Sigma compiler against SigmaHQ's rules and regression data. */
@Command(name = "sigma-suite", mixinStandardHelpOptions = true,
        description = "Compiles SigmaHQ's rules of the supported Windows categories (lists the others with their "
                + "reason), runs SigmaHQ's regression tests of the compiled rules (each must give exactly its "
                + "match_count) and reads the specification's correlation tests. Exit code 1 below the targets "
                + "(90 %% of the rules compile, 95 %% of the regression tests pass).")
final class SigmaSuiteCommand implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "DIR", description = "Sigma rules (default: ../shared/data/sigma/sigmahq/rules/windows).")
    Path rules = Path.of("../shared/data/sigma/sigmahq/rules/windows");

    @Option(names = "--regression", paramLabel = "DIR",
            description = "SigmaHQ regression data (default: ../shared/data/sigma/sigmahq/regression_data).")
    Path regression = Path.of("../shared/data/sigma/sigmahq/regression_data");

    @Option(names = "--correlations", paramLabel = "DIR",
            description = "The specification's correlation tests (default: ../shared/data/sigma/specification/tests/schema).")
    Path correlations = Path.of("../shared/data/sigma/specification/tests/schema");

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "Sigma field mapping (default: patterns/sigma/sysmon.mapping.yml).")
    Path mapping = Path.of("patterns/sigma/sysmon.mapping.yml");

    @Override
    public Integer call() throws Exception {
        SigmaSuite.Result r;
        try {
            r = new SigmaSuite(mapping).run(rules, regression, correlations);
        } catch (PatternLoadException e) {
            System.err.println(e.getMessage());
            return Main.USAGE;
        }
        SigmaSuite.print(r, System.out);
        boolean met = r.compiledRules() >= 0.9 * r.supportedRules() && r.regressionPassed() >= 0.95 * r.regressionTests();
        return met ? 0 : 1;
    }
}
