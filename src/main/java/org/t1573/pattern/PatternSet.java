package org.t1573.pattern;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
     * {@code PatternId.Name} (that pattern only) to the value's text.
     */
    public static PatternSet load(List<Path> paths, Map<String, String> overrides) throws PatternLoadException {
        List<PatternError> errors = new ArrayList<>();
        List<PatternDefinition> defs = new ArrayList<>();
        for (Path file : files(paths, errors)) {
            try {
                defs.add(PatternLoader.load(file));
            } catch (PatternLoadException e) {
                errors.addAll(e.errors());
            }
        }
        Map<String, String> seen = new HashMap<>();
        for (PatternDefinition d : defs) {
            String other = seen.putIfAbsent(d.id(), d.file());
            if (other != null) {
                errors.add(new PatternError(d.file(), 1, "pattern id " + d.id() + " is also used by " + other));
            }
        }
        List<CompiledPattern> compiled = new ArrayList<>();
        Map<String, Boolean> used = new LinkedHashMap<>();
        overrides.keySet().forEach(k -> used.put(k, false));
        for (PatternDefinition d : defs) {
            ParameterValues values = ParameterValues.defaults(d.parameters());
            // Plain names first, then PatternId.Name, so the specific override wins whatever the order given.
            List<Map.Entry<String, String>> ordered = new ArrayList<>();
            overrides.entrySet().stream().filter(o -> !o.getKey().contains(".")).forEach(ordered::add);
            overrides.entrySet().stream().filter(o -> o.getKey().contains(".")).forEach(ordered::add);
            for (Map.Entry<String, String> o : ordered) {
                String name = o.getKey();
                if (name.startsWith(d.id() + ".")) {
                    name = name.substring(d.id().length() + 1);
                } else if (name.contains(".")) {
                    continue;
                }
                if (!values.has(name)) {
                    continue;
                }
                used.put(o.getKey(), true);
                try {
                    values = values.with(name, o.getValue());
                } catch (IllegalArgumentException e) {
                    errors.add(new PatternError(d.file(), d.parameters().get(name).line(),
                            "--set " + o.getKey() + "=" + o.getValue() + ": " + e.getMessage()));
                }
            }
            try {
                compiled.add(PatternCompiler.compile(d, values));
            } catch (PatternLoadException e) {
                errors.addAll(e.errors());
            }
        }
        used.forEach((k, wasUsed) -> {
            if (!wasUsed) {
                errors.add(new PatternError("--set", 0, "no loaded pattern has a parameter " + k));
            }
        });
        if (defs.isEmpty() && errors.isEmpty()) {
            errors.add(new PatternError(paths.toString(), 0, "no pattern files (*.yml, *.yaml) found"));
        }
        if (!errors.isEmpty()) {
            throw new PatternLoadException(errors);
        }
        return new PatternSet(compiled);
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
                        .sorted().collect(Collectors.toList()));
            } catch (IOException e) {
                errors.add(new PatternError(p.toString(), 0, "cannot list: " + e));
            }
        }
        return out;
    }
}
