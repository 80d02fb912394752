package org.t1573.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.t1573.alert.AttackIds;
import org.t1573.pattern.JobWideParameters;
import org.t1573.pattern.ParameterSpec;
import org.t1573.pattern.ParameterValues;
import org.t1573.pattern.PatternCompiler;
import org.t1573.pattern.PatternDefinition;
import org.t1573.pattern.PatternError;
import org.t1573.pattern.PatternLoadException;
import org.t1573.pattern.PatternLoader;
import org.t1573.pattern.RuleFormat;

/**
 * What loading and compiling a pattern find (as the job would at start), and conventions of the
 * pattern collection beyond them: unique ids, ATT&CK ids in their official form, parameters
 * documented and used, the {@code <platform>/<ID>.yml} layout, a test file beside every pattern,
 * and test files that belong to a pattern. Findings read {@code file:line: message}.
 */
public final class PatternLint {
    /** Parameters the engine reads itself (beacon.likely), so a pattern need not reference them. */
    public static final Set<String> ENGINE_PARAMETERS = Set.of("BeaconMinConnections", "BeaconMinIntervalSeconds",
            "BeaconMaxIntervalSeconds", JobWideParameters.BEACON_WINDOW, JobWideParameters.BEACON_IGNORED_STATES,
            JobWideParameters.BEACON_IGNORED_TRANSPORTS);
    private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    private static final Pattern TACTIC = Pattern.compile("TA\\d{4}");

    private PatternLint() {}

    /** Every finding under {@code dir}; empty when the collection is clean. */
    public static List<String> lint(Path dir) throws IOException {
        List<String> findings = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<RuleFormat> formats = RuleFormat.installed();
        Map<RuleFormat, List<Path>> foreign = new java.util.LinkedHashMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            RuleFormat format = name.endsWith(".yml") ? claiming(f, formats) : null;
            if (name.endsWith(".mapping.yml")) {
                continue; // a rule format's data file (the Sigma field mapping), read by that format
            }
            if (format != null) {
                // Other formats keep their own file names and tests (Sigma's regression data).
                foreign.computeIfAbsent(format, x -> new ArrayList<>()).add(f);
            } else if (name.endsWith(PatternTestFile.SUFFIX)) {
                lintTests(f, findings);
            } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                requireTests(f, findings);
                lintPattern(dir, f, ids, findings);
            }
        }
        List<PatternError> errors = new ArrayList<>();
        foreign.forEach((format, claimed) -> format.load(claimed, errors));
        errors.forEach(e -> findings.add(e.toString()));
        return findings;
    }

    private static RuleFormat claiming(Path f, List<RuleFormat> formats) throws IOException {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        return formats.stream().filter(x -> x.claims(text)).findFirst().orElse(null);
    }

    private static void lintPattern(Path dir, Path f, Map<String, Path> ids, List<String> findings) throws IOException {
        PatternDefinition d;
        try {
            d = PatternLoader.load(f);
        } catch (PatternLoadException e) {
            report(e, findings);
            return;
        }
        try {
            // What the job would refuse at start: unknown fields, values no parser emits, parameter types.
            PatternCompiler.compile(d, ParameterValues.defaults(d.parameters()));
        } catch (PatternLoadException e) {
            report(e, findings);
        }
        Path other = ids.putIfAbsent(d.id(), f);
        if (other != null) {
            findings.add(f + ":1: id " + d.id() + " is also used by " + other);
        }
        if (d.technique() == null || !TECHNIQUE.matcher(d.technique()).matches()) {
            findings.add(f + ":1: technique '" + d.technique() + "' is not an ATT&CK technique id (T1573, T1573.001)");
        }
        if (d.tactic() == null || !TACTIC.matcher(d.tactic()).matches()) {
            findings.add(f + ":1: tactic '" + d.tactic() + "' is not an ATT&CK tactic id (TA0011)");
        }
        for (String id : AttackIds.of(d.technique(), d.tactic())) {
            // A malformed id is reported above; it has no name to look for.
            boolean wellFormed = TECHNIQUE.matcher(id).matches() || TACTIC.matcher(id).matches();
            if (wellFormed && !d.attackNames().containsKey(id)) {
                findings.add(f + ":1: attack-names has no name for " + id + " (the ECS and OCSF alerts print it)");
            }
        }
        Path expected = dir.resolve(String.valueOf(d.platform())).resolve(d.id() + ".yml");
        if (!f.normalize().equals(expected.normalize())) {
            findings.add(f + ":1: file should be " + expected + " (patterns/<platform>/<ID>.yml, platform: "
                    + d.platform() + ")");
        }
        String text = Files.readString(f, StandardCharsets.UTF_8);
        for (ParameterSpec p : d.parameters().values()) {
            if (p.description() == null || p.description().isBlank()) {
                findings.add(f + ":" + p.line() + ": parameter " + p.name() + " has no description");
            }
            boolean referenced = Pattern.compile("\\$" + Pattern.quote(p.name()) + "\\b").matcher(text).find();
            if (!referenced && !ENGINE_PARAMETERS.contains(p.name())) {
                findings.add(f + ":" + p.line() + ": parameter " + p.name() + " is never used ($" + p.name() + ")");
            }
        }
    }

    private static void report(PatternLoadException e, List<String> findings) {
        for (PatternError err : e.errors()) {
            findings.add(err.toString());
        }
    }

    /**
     * A pattern without test cases can break unnoticed: every pattern file needs its
     * {@code <name>.tests.yml} beside it (the name {@code test-patterns} pairs them by), even when
     * the pattern itself does not load.
     */
    private static void requireTests(Path f, List<String> findings) {
        String name = f.getFileName().toString();
        Path tests = f.resolveSibling(name.substring(0, name.lastIndexOf('.')) + PatternTestFile.SUFFIX);
        if (!Files.exists(tests)) {
            findings.add(f + ":1: no test cases: " + tests + " is missing (format: patterns/windows/AN0400.tests.yml)");
        }
    }

    private static void lintTests(Path f, List<String> findings) {
        try {
            PatternTestFile t = PatternTestFile.read(f);
            if (!Files.exists(t.patternFile())) {
                findings.add(f + ":1: no pattern file " + t.patternFile() + " beside it");
            } else if (!t.patternFile().getFileName().toString().equals(t.pattern() + ".yml")) {
                findings.add(f + ":1: pattern " + t.pattern() + " does not match the file name");
            }
            if (t.cases().isEmpty()) {
                findings.add(f + ":1: no cases");
            }
        } catch (IOException | RuntimeException e) {
            findings.add(f + ":1: " + e.getMessage());
        }
    }
}
