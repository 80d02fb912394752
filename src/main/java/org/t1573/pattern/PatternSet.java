package org.t1573.pattern;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The patterns of one run: every {@code *.yml}/{@code *.yaml} file under the given paths, with
 * the run's parameter overrides applied, compiled. Loading fails as a whole, listing every error
 * of every file, so a job never starts with half a pattern set.
 */
public final class PatternSet {
    private final List<CompiledPattern> patterns;

    private PatternSet(List<CompiledPattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public List<CompiledPattern> patterns() {
        return patterns;
    }

    /** The patterns that pass {@code keep}, in the same order. */
    public PatternSet filter(Predicate<CompiledPattern> keep) {
        return new PatternSet(patterns.stream().filter(keep).toList());
    }

    /**
     * Loads patterns. Overrides map {@code Name} (every pattern that declares it) or
     * {@code PatternId.Name} (that pattern only) to the value's text, replacing the value.
     */
    public static PatternSet load(List<Path> paths, Map<String, String> overrides) throws PatternLoadException {
        return load(paths, ParameterOverride.replacing(overrides));
    }

    /** Loads patterns with the overrides of a run ({@code --set}), applied in order within each pattern. */
    public static PatternSet load(List<Path> paths, List<ParameterOverride> overrides) throws PatternLoadException {
        List<PatternError> errors = new ArrayList<>();
        List<PatternDefinition> defs = new ArrayList<>();
        List<RuleFormat> formats = RuleFormat.installed();
        Map<RuleFormat, List<Path>> foreign = new java.util.LinkedHashMap<>();
        for (Path file : files(paths, errors)) {
            RuleFormat format = formatOf(file, formats);
            if (format != null) {
                foreign.computeIfAbsent(format, f -> new ArrayList<>()).add(file);
                continue;
            }
            try {
                defs.add(PatternLoader.load(file));
            } catch (PatternLoadException e) {
                errors.addAll(e.errors());
            }
        }
        foreign.forEach((format, files) -> defs.addAll(format.load(files, errors)));
        Map<String, String> seen = new HashMap<>();
        for (PatternDefinition d : defs) {
            String other = seen.putIfAbsent(d.id(), d.file());
            if (other != null) {
                errors.add(new PatternError(d.file(), 1, "pattern id " + d.id() + " is also used by " + other));
            }
        }
        List<CompiledPattern> compiled = new ArrayList<>();
        RunOverrides run = new RunOverrides(overrides);
        for (PatternDefinition d : defs) {
            ParameterValues values = run.apply(d, errors);
            try {
                compiled.add(PatternCompiler.compile(d, values));
            } catch (PatternLoadException e) {
                errors.addAll(e.errors());
            }
        }
        run.reportUnused(errors);
        errors.addAll(JobWideParameters.disagreements(compiled));
        if (defs.isEmpty() && errors.isEmpty()) {
            errors.add(new PatternError(paths.toString(), 0, "no pattern files (*.yml, *.yaml) found"));
        }
        if (!errors.isEmpty()) {
            throw new PatternLoadException(errors);
        }
        return new PatternSet(compiled);
    }

    /** The format that claims the file, or null for a pattern file (or one that cannot be read: the loader says why). */
    private static RuleFormat formatOf(Path file, List<RuleFormat> formats) {
        if (formats.isEmpty()) {
            return null;
        }
        String text;
        try {
            text = SmallTextFiles.read(file, PatternYaml.MAX_FILE_SIZE);
        } catch (IOException e) {
            return null;
        }
        return formats.stream().filter(f -> f.claims(text)).findFirst().orElse(null);
    }

    private static List<Path> files(List<Path> paths, List<PatternError> errors) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                errors.add(new PatternError(p.toString(), 0, "no such file or directory"));
                continue;
            }
            try (Stream<Path> walk = Files.walk(p)) {
                out.addAll(walk.filter(Files::isRegularFile)
                        .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                        .filter(f -> !f.getFileName().toString().startsWith("."))
                        .filter(f -> !f.getFileName().toString().endsWith(".tests.yml"))
                        // Data files of other rule formats, such as the Sigma field mapping.
                        .filter(f -> !f.getFileName().toString().endsWith(".mapping.yml"))
                        .sorted().collect(Collectors.toList()));
            } catch (IOException e) {
                errors.add(new PatternError(p.toString(), 0, "cannot list: " + e));
            }
        }
        return out;
    }
}
