package org.t1573.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds {@link JobOptions} the way the command line does, so runs started from code (pattern
 * tests, the clean-baseline gate, the second run of a comparison) get the same defaults as a
 * {@code backtest} without repeating them.
 */
public final class JobOptionsFactory {
    private JobOptionsFactory() {}

    /** Options for a bounded run of {@code inputs} ({@code channel=path}) through {@code patterns}. */
    public static JobOptions of(List<String> inputs, List<Path> patterns, Map<String, String> overrides, Path out) {
        List<String> args = new ArrayList<>();
        inputs.forEach(i -> args.addAll(List.of("--input", i)));
        patterns.forEach(p -> args.addAll(List.of("--patterns", p.toString())));
        overrides.forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
        args.addAll(List.of("--out", out.toString()));
        return CommandLine.populateCommand(new Main.RunOptions(), args.toArray(String[]::new)).toJobOptions();
    }

    /** The options of {@code run} with other pattern paths and output directory. */
    static JobOptions withPatterns(Main.RunOptions run, List<Path> patterns, Path out) {
        List<Path> saved = run.patterns.patterns;
        Path savedOut = run.out;
        run.patterns.patterns = patterns;
        run.out = out;
        try {
            return run.toJobOptions();
        } finally {
            run.patterns.patterns = saved;
            run.out = savedOut;
        }
    }
}
