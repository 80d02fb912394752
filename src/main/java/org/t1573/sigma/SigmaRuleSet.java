package org.t1573.sigma;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.t1573.pattern.ConditionNode;
import org.t1573.pattern.ParameterValues;
import org.t1573.pattern.PatternCompiler;
import org.t1573.pattern.PatternDefinition;
import org.t1573.pattern.PatternError;
import org.t1573.pattern.PatternLoadException;
import org.t1573.pattern.PatternYaml;
import org.t1573.pattern.SmallTextFiles;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Sigma files read together and compiled into pattern definitions: every detection rule, then
 * every correlation over them. A rule that cannot be compiled is {@link #refused()} with its file,
 * line and reason; the detection rules a correlation names alert only through it, unless the
 * correlation says {@code generate: true}.
 */
public final class SigmaRuleSet {
    /** The largest Sigma file read, as for pattern files. */
    private static final int MAX_FILE_SIZE = 1 << 20;

    private final Map<String, PatternDefinition> detections = new LinkedHashMap<>();
    private final List<PatternDefinition> correlations = new ArrayList<>();
    private final List<PatternError> refused = new ArrayList<>();
    private final Map<String, String> categories = new HashMap<>();
    private int correlationsRead;

    private SigmaRuleSet() {}

    /**
     * Reads and compiles the files, each with the nearest {@value SigmaMapping#FILE_NAME} (else
     * {@code fallbackMapping}, which may be null).
     */
    public static SigmaRuleSet read(List<Path> files, Path fallbackMapping) {
        SigmaRuleSet set = new SigmaRuleSet();
        Map<Path, SigmaMapping> mappings = new HashMap<>();
        List<SigmaRule> correlationRules = new ArrayList<>();
        Map<SigmaRule, SigmaMapping> mappingOf = new HashMap<>();
        Map<String, CorrelationCompiler.Referenced> byName = new HashMap<>();
        for (Path file : files) {
            SigmaRule rule = set.readFile(file);
            if (rule == null) {
                continue;
            }
            SigmaMapping mapping = set.mappingFor(file, fallbackMapping, mappings);
            if (mapping == null) {
                continue;
            }
            mappingOf.put(rule, mapping);
            if (rule.correlation() != null) {
                correlationRules.add(rule);
                continue;
            }
            set.categories.put(rule.file(), rule.category());
            try {
                ConditionNode where = new DetectionCompiler(mapping).compile(rule);
                PatternDefinition def = SigmaPatterns.definition(rule, mapping, List.of(rule.category()),
                        mapping.alerts().groupBy(), List.of(SigmaPatterns.step(rule, where)), mapping.alerts().window(),
                        rule.logsourceLine(), null, null, null);
                if (set.compiles(def)) {
                    set.detections.put(def.id(), def);
                    CorrelationCompiler.Referenced ref = new CorrelationCompiler.Referenced(rule, rule.category(), where);
                    for (String key : new String[] {rule.id(), rule.name()}) {
                        if (key != null) {
                            byName.put(key, ref);
                        }
                    }
                }
            } catch (SigmaException e) {
                set.refused.add(new PatternError(rule.file(), e.line(), e.getMessage()));
            }
        }
        Set<String> consumed = new HashSet<>();
        for (SigmaRule rule : correlationRules) {
            try {
                List<String> names = CorrelationCompiler.ruleNames(rule);
                set.correlationsRead++;
                PatternDefinition def = new CorrelationCompiler(mappingOf.get(rule)).compile(rule, byName);
                if (set.compiles(def)) {
                    set.correlations.add(def);
                    if (!"true".equals(SigmaRule.text(SigmaRule.entries(rule.correlation()).get("generate")))) {
                        names.forEach(n -> consumed.add(byName.get(n).rule().patternId()));
                    }
                }
            } catch (SigmaException e) {
                set.refused.add(new PatternError(rule.file(), e.line(), e.getMessage()));
            }
        }
        consumed.forEach(set.detections::remove);
        return set;
    }

    /** The Sigma rule of a file, or null after refusing it. */
    private SigmaRule readFile(Path file) {
        try {
            Node root = PatternYaml.compose(file.toString(), SmallTextFiles.read(file, MAX_FILE_SIZE));
            if (!SigmaRule.isSigma(root)) {
                refused.add(new PatternError(file.toString(), 1, "not a Sigma rule: no logsource or correlation"));
                return null;
            }
            return SigmaRule.read(file.toString(), root);
        } catch (PatternLoadException e) {
            refused.addAll(e.errors());
        } catch (IOException e) {
            refused.add(new PatternError(file.toString(), 0, "cannot read: " + e.getMessage()));
        }
        return null;
    }

    private SigmaMapping mappingFor(Path file, Path fallback, Map<Path, SigmaMapping> cache) {
        Path path = SigmaMapping.locate(file, fallback);
        if (path == null) {
            refused.add(new PatternError(file.toString(), 0, "no " + SigmaMapping.FILE_NAME
                    + " in the rule's directory or above it"));
            return null;
        }
        if (!cache.containsKey(path)) {
            try {
                cache.put(path, SigmaMapping.load(path));
            } catch (PatternLoadException e) {
                refused.addAll(e.errors());
                cache.put(path, null);
            }
        }
        return cache.get(path);
    }

    /** Whether the engine compiles the definition (RE2 syntax, field types, values); refused with its errors if not. */
    private boolean compiles(PatternDefinition def) {
        try {
            PatternCompiler.compile(def, ParameterValues.defaults(def.parameters()));
            return true;
        } catch (PatternLoadException e) {
            refused.addAll(e.errors());
            return false;
        }
    }

    /** The definitions that alert: detection rules no correlation consumes, and the correlations. */
    public List<PatternDefinition> patterns() {
        List<PatternDefinition> out = new ArrayList<>(detections.values());
        out.addAll(correlations);
        return out;
    }

    /** Every compiled detection rule by id, including those a correlation consumes. */
    public Map<String, PatternDefinition> detections() {
        return detections;
    }

    /** Why rules were not compiled, at their file and line (one rule may give several). */
    public List<PatternError> refused() {
        return refused;
    }

    /** The log source category of a detection rule's file, or null. */
    public String category(String file) {
        return categories.get(file);
    }

    /** Correlation rules whose structure was read and checked. */
    public int correlationsRead() {
        return correlationsRead;
    }

    /** The correlations compiled into sequences. */
    public List<PatternDefinition> correlations() {
        return correlations;
    }
}
