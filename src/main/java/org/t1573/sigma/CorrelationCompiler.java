package org.t1573.sigma;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.t1573.pattern.ConditionNode;
import org.t1573.pattern.EventFieldResolver;
import org.t1573.pattern.PatternDefinition;
import org.t1573.pattern.StepDefinition;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A Sigma correlation rule as a CEP sequence keyed by its {@code group-by} within its
 * {@code timespan}: {@code temporal_ordered} is the referenced rules as steps in their order;
 * {@code event_count} is one step (any of the rules) whose matches the alert window counts
 * against the condition. Other types are read and checked, and refused with their reason.
 */
final class CorrelationCompiler {
    /** The types this engine compiles; the others of the specification are read and refused. */
    static final Set<String> COMPILED = Set.of("temporal_ordered", "event_count");
    static final Set<String> KNOWN = Set.of("temporal_ordered", "temporal", "event_count", "value_count",
            "value_sum", "value_avg", "value_percentile");

    /** A detection rule a correlation may name: the rule, its category and compiled condition. */
    record Referenced(SigmaRule rule, String category, ConditionNode where) {}

    private final SigmaMapping mapping;

    CorrelationCompiler(SigmaMapping mapping) {
        this.mapping = mapping;
    }

    /** The names a correlation refers to ({@code rules}), checked for shape only. */
    static List<String> ruleNames(SigmaRule rule) throws SigmaException {
        Map<String, Node> c = SigmaRule.entries(rule.correlation());
        String type = SigmaRule.text(c.get("type"));
        int line = SigmaRule.line(rule.correlation());
        if (type == null || !KNOWN.contains(type)) {
            throw new SigmaException(line, "correlation type " + type + " is none of " + KNOWN);
        }
        List<String> names = SigmaRule.texts(c.get("rules"));
        if (names.isEmpty()) {
            throw new SigmaException(line, "correlation names no rules");
        }
        if (SigmaRule.text(c.get("timespan")) == null && SigmaRule.text(c.get("timeframe")) == null) {
            throw new SigmaException(line, "correlation has no timespan");
        }
        if (!type.startsWith("temporal") && !SigmaRule.entries(c.get("condition")).keySet().stream()
                .anyMatch(Set.of("gt", "gte", "lt", "lte", "eq")::contains)) {
            throw new SigmaException(line, type + " needs a condition such as gte: 10");
        }
        if (type.startsWith("value_") && SigmaRule.text(SigmaRule.entries(c.get("condition")).get("field")) == null) {
            throw new SigmaException(line, type + " needs condition.field");
        }
        return names;
    }

    PatternDefinition compile(SigmaRule rule, Map<String, Referenced> byName) throws SigmaException {
        Map<String, Node> c = SigmaRule.entries(rule.correlation());
        Map<String, Node> keys = SigmaRule.keys(rule.correlation());
        String type = SigmaRule.text(c.get("type"));
        List<String> names = ruleNames(rule);
        if (!COMPILED.contains(type)) {
            throw new SigmaException(SigmaRule.line(keys.get("type")), "correlation type " + type
                    + " is not compiled yet (compiled: " + COMPILED + ")");
        }
        if (c.containsKey("aliases")) {
            throw new SigmaException(SigmaRule.line(keys.get("aliases")), "correlation aliases are not supported");
        }
        List<Referenced> rules = new ArrayList<>();
        for (String n : names) {
            Referenced r = byName.get(n);
            if (r == null) {
                throw new SigmaException(SigmaRule.line(c.get("rules")), "rule " + n
                        + " is not loaded (or did not compile)");
            }
            rules.add(r);
        }
        List<String> groupBy = groupBy(c.get("group-by"), rules);
        Node timespanNode = c.containsKey("timespan") ? c.get("timespan") : c.get("timeframe");
        List<StepDefinition> steps = new ArrayList<>();
        ConditionNode condition = null;
        if (type.equals("temporal_ordered")) {
            for (Referenced r : rules) {
                steps.add(SigmaPatterns.step(r.rule(), r.where()));
            }
        } else {
            List<ConditionNode> any = rules.stream().map(Referenced::where).toList();
            steps.add(SigmaPatterns.step(rule, any.size() == 1 ? any.get(0)
                    : ConditionNode.any(any, SigmaRule.line(c.get("rules")))));
            condition = count(c.get("condition"));
        }
        boolean byProcess = groupBy.contains(EventFieldResolver.PROCESS_INSTANCE);
        SigmaMapping.Alerts alerts = mapping.alerts();
        List<String> categories = rules.stream().map(Referenced::category).distinct().toList();
        return SigmaPatterns.definition(rule, mapping, categories, groupBy, steps, SigmaRule.text(timespanNode),
                SigmaRule.line(timespanNode), byProcess ? SigmaCorrelationEvents.of(alerts.processEndsOn(),
                        SigmaRule.line(rule.correlation())) : null,
                byProcess ? SigmaCorrelationEvents.of(alerts.processContext(), SigmaRule.line(rule.correlation()))
                        : null, condition);
    }

    /** The event fields of the group-by: each Sigma field must map to one field in every rule's category. */
    private List<String> groupBy(Node node, List<Referenced> rules) throws SigmaException {
        Set<String> out = new LinkedHashSet<>();
        for (String g : SigmaRule.texts(node)) {
            String field = null;
            for (Referenced r : rules) {
                SigmaMapping.Target t = mapping.target(r.category(), g);
                if (t == null || field != null && !field.equals(t.field())) {
                    throw new SigmaException(SigmaRule.line(node), "group-by field " + g + " is not one event field"
                            + " in every rule's category (" + r.category() + ": " + (t == null ? "none" : t.field())
                            + ")");
                }
                field = t.field();
            }
            out.add(field);
        }
        return List.copyOf(out);
    }

    /** {@code gte: 10} as a test of the alert window's match count. */
    private static ConditionNode count(Node condition) {
        for (Map.Entry<String, Node> e : SigmaRule.entries(condition).entrySet()) {
            String op = e.getKey();
            if (Set.of("gt", "gte", "lt", "lte", "eq").contains(op)) {
                return ConditionNode.test("connections.count", op.equals("eq") ? List.of() : List.of(op),
                        List.of(SigmaRule.text(e.getValue())), SigmaRule.line(e.getValue()));
            }
        }
        throw new IllegalStateException("checked by ruleNames");
    }
}
