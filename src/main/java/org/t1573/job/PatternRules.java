package org.t1573.job;

import java.util.LinkedHashMap;
import java.util.Map;
import org.t1573.alert.AlertFormat;
import org.t1573.alert.AlertFormatter;
import org.t1573.alert.RuleMetadata;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.PatternDefinition;
import org.t1573.pattern.PatternSet;

/** The rule metadata the alert formats take from the loaded pattern files. */
public final class PatternRules {
    private PatternRules() {}

    /** The formatter of {@code --alert-format} for alerts of these patterns. */
    public static AlertFormatter formatter(AlertFormat format, PatternSet set) {
        Map<String, RuleMetadata> rules = new LinkedHashMap<>();
        for (CompiledPattern p : set.patterns()) {
            PatternDefinition d = p.definition();
            // A folded YAML description ends in a line break that no output format wants.
            String description = d.description() == null ? null : d.description().strip();
            rules.put(p.id(), new RuleMetadata(d.version(), description, d.references(), d.attackNames()));
        }
        return new AlertFormatter(format, rules);
    }
}
