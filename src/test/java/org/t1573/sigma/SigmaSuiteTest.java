package org.t1573.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** SigmaHQ's corpus and regression data (../shared/data/sigma) against the targets. */
class SigmaSuiteTest {
    private static final Path DATA = Path.of("..", "shared", "data", "sigma");

    @Test
    void ninetyPercentOfTheRulesCompileAndNinetyFivePercentOfTheirRegressionTestsPass() throws Exception {
        SigmaSuite.Result r = new SigmaSuite(Path.of("patterns", "sigma", SigmaMapping.FILE_NAME)).run(
                DATA.resolve("sigmahq/rules/windows"), DATA.resolve("sigmahq/regression_data"),
                DATA.resolve("specification/tests/schema"));

        assertThat(r.supportedRules()).isGreaterThan(1000);
        assertThat(r.compiledRules()).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * r.supportedRules()));
        assertThat(r.refused()).allSatisfy(e -> assertThat(e.line()).isPositive());
        assertThat(r.regressionTests()).isGreaterThan(100);
        assertThat(r.regressionPassed()).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * r.regressionTests()));
        assertThat(r.correlationsRead()).isEqualTo(r.correlationsTotal()).isPositive();
    }
}
