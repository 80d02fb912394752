package org.t1573.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.t1573.pattern.ConditionNode;
import org.t1573.pattern.PatternDefinition;
import org.t1573.pattern.StepDefinition;

/** Builds the pattern model's {@link PatternDefinition} of a Sigma rule or correlation. */
final class SigmaPatterns {
    /** Alert scores by Sigma level, so a critical rule outranks a low one in the alert queue. */
    private static final Map<String, Double> SCORES =
            Map.of("informational", 10.0, "low", 30.0, "medium", 50.0, "high", 70.0, "critical", 90.0);

    private SigmaPatterns() {}

    /** The step a rule contributes to a sequence: its name, else its id, as a CEP step name. */
    static StepDefinition step(SigmaRule rule, ConditionNode where) {
        String name = rule.name() != null ? rule.name() : "rule_" + rule.id();
        return new StepDefinition(name.replaceAll("[^A-Za-z0-9_]", "_"), where, null, false,
                SigmaRule.line(rule.detection()));
    }

    /** The pattern of {@code rule} (a detection or a correlation) over {@code steps}. */
    static PatternDefinition definition(SigmaRule rule, List<String> categories, List<String> groupBy,
            List<StepDefinition> steps, String timespan, int timespanLine, ConditionNode endsOn, ConditionNode context,
            ConditionNode condition) {
        List<Map<String, String>> sources = new ArrayList<>();
        for (String c : categories) {
            Map<String, String> s = new LinkedHashMap<>();
            s.put("name", "Sigma");
            s.put("category", c);
            s.put("product", "windows");
            sources.add(s);
        }
        String id = rule.id() != null ? rule.id() : rule.name();
        return new PatternDefinition(rule.file(), id, rule.title(), rule.status(), rule.description(),
                rule.technique(), null, null, "windows", rule.level(), null, sources, rule.falsePositives(),
                rule.references(), Map.of(), null, Map.of(), groupBy, steps, timespan, timespanLine, endsOn, context,
                steps.get(steps.size() - 1).name(), null, condition, List.of(),
                SCORES.getOrDefault(rule.level(), 50.0), List.of(), null, 0);
    }
}
