package org.t1573.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.t1573.pattern.ParameterSpec;
import org.t1573.pattern.ConditionNode;
import org.t1573.pattern.PatternDefinition;
import org.t1573.pattern.StepDefinition;

/** Builds the pattern model's {@link PatternDefinition} of a Sigma rule or correlation. */
final class SigmaPatterns {
    private SigmaPatterns() {}

    /** The step a rule contributes to a sequence: its name, else its id, as a CEP step name. */
    static StepDefinition step(SigmaRule rule, ConditionNode where) {
        String name = rule.name() != null ? rule.name() : "rule_" + rule.id();
        return new StepDefinition(name.replaceAll("[^A-Za-z0-9_]", "_"), where, null, false,
                SigmaRule.line(rule.detection()));
    }

    /** The pattern of {@code rule} (a detection or a correlation) over {@code steps}. */
    static PatternDefinition definition(SigmaRule rule, SigmaMapping mapping, List<String> categories,
            List<String> groupBy, List<StepDefinition> steps, String timespan, int timespanLine, ConditionNode endsOn,
            ConditionNode context, ConditionNode condition) throws SigmaException {
        Map<String, ParameterSpec> parameters = new TreeMap<>();
        for (StepDefinition s : steps) {
            addParameters(s.where(), mapping, parameters);
        }
        List<Map<String, String>> sources = new ArrayList<>();
        for (String c : categories) {
            Map<String, String> s = new LinkedHashMap<>();
            s.put("name", "Sigma");
            s.put("category", c);
            s.put("product", "windows");
            sources.add(s);
        }
        String id = rule.patternId();
        if (id == null) {
            throw new SigmaException(1, "the rule has neither an id nor a name");
        }
        return new PatternDefinition(rule.file(), id, rule.title(), rule.status(), rule.description(),
                rule.technique(), null, null, "windows", rule.level(), null, sources, rule.falsePositives(),
                rule.references(), Map.of(), null, parameters, groupBy, steps, timespan, timespanLine, endsOn, context,
                steps.get(steps.size() - 1).name(), null, condition, List.of(),
                mapping.alerts().score(rule.level()), List.of(), null, 0);
    }

    /** The placeholders ({@code $Name} after |expand) a condition uses, as the mapping declares them. */
    private static void addParameters(ConditionNode node, SigmaMapping mapping, Map<String, ParameterSpec> out)
            throws SigmaException {
        for (ConditionNode child : node.children()) {
            addParameters(child, mapping, out);
        }
        for (String v : node.values()) {
            if (v.startsWith("$") && !v.startsWith("$$")) {
                ParameterSpec spec = mapping.placeholder(v.substring(1));
                if (spec == null) {
                    throw new SigmaException(node.line(), "placeholder %" + v.substring(1) + "% is not declared in "
                            + mapping.file() + " (placeholders)");
                }
                out.put(spec.name(), spec);
            }
        }
    }
}
