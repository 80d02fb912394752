package org.t1573.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.t1573.alert.Alert;
import org.t1573.job.InputSpec;
import org.t1573.job.JobRuns;
import org.t1573.job.RunResult;

/**
 * What the whole job must do on every platform's bundled, labelled samples: raise exactly the
 * labelled alerts and reject no record. Subclasses run the job once per class and say how an
 * alert and a labels.csv row name the same process or flow.
 */
abstract class LabelledSamplesContract {

    private final Path labels;
    private final Function<Alert, String> alertKey;
    private final Function<String[], String> rowKey;

    LabelledSamplesContract(Path samples, Function<Alert, String> alertKey, Function<String[], String> rowKey) {
        this.labels = samples.resolve("labels.csv");
        this.alertKey = alertKey;
        this.rowKey = rowKey;
    }

    /** The class's run on the samples with the default parameters. */
    abstract RunResult run();

    /** The job with every pattern of the repository, at parallelism 2. */
    static RunResult runAllPatterns(Map<String, String> overrides, InputSpec... inputs) throws Exception {
        return JobRuns.runInputs(List.of(inputs), List.of(JobRuns.PATTERNS), overrides, 2);
    }

    static InputSpec input(String channel, Path path) {
        return new InputSpec(channel, List.of(path));
    }

    /** "analytic key" of every alert a run created. */
    Set<String> raised(RunResult r) {
        return SampleLabels.raised(r, alertKey);
    }

    @Test
    void raisesExactlyTheLabelledAlerts() throws IOException {
        assertThat(raised(run())).isEqualTo(SampleLabels.expected(labels, rowKey));
    }

    @Test
    void writesNoDeadLetters() {
        assertThat(run().deadLetters()).isEmpty();
    }
}
