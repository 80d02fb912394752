package org.t1573.sigma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.t1573.pattern.ConditionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A Sigma rule's {@code detection} as one condition on events of its log source category: the
 * category's {@code event.action}, and the {@code condition} over the selections, each selection's
 * Sigma fields mapped to event fields by the {@link SigmaMapping}.
 */
final class DetectionCompiler {
    private final SigmaMapping mapping;

    DetectionCompiler(SigmaMapping mapping) {
        this.mapping = mapping;
    }

    ConditionNode compile(SigmaRule rule) throws SigmaException {
        String action = rule.category() == null ? null : mapping.action(rule.category());
        if (action == null) {
            throw new SigmaException(rule.logsourceLine(), "log source category " + rule.category()
                    + " is not supported (supported: " + mapping.categories() + ")");
        }
        if (!(rule.detection() instanceof MappingNode)) {
            throw new SigmaException(SigmaRule.line(rule.detection()), "detection must be a mapping");
        }
        Map<String, Node> entries = SigmaRule.entries(rule.detection());
        Map<String, Node> keys = SigmaRule.keys(rule.detection());
        Map<String, ConditionNode> selections = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            if (e.getKey().equals("condition")) {
                continue;
            }
            if (e.getKey().equals("timeframe")) {
                throw new SigmaException(SigmaRule.line(keys.get("timeframe")),
                        "timeframe is Sigma 1 aggregation; write a correlation rule");
            }
            selections.put(e.getKey(), selection(rule.category(), e.getValue()));
        }
        Node conditionNode = entries.get("condition");
        if (conditionNode == null) {
            throw new SigmaException(SigmaRule.line(rule.detection()), "detection has no condition");
        }
        List<ConditionNode> conditions = new ArrayList<>();
        for (String text : SigmaRule.texts(conditionNode)) {
            conditions.add(SigmaCondition.parse(text == null ? "" : text, selections, SigmaRule.line(conditionNode)));
        }
        int line = SigmaRule.line(rule.detection());
        ConditionNode detection = conditions.size() == 1 ? conditions.get(0) : ConditionNode.any(conditions, line);
        return ConditionNode.all(List.of(
                ConditionNode.test("event.action", List.of(), List.of(action), rule.logsourceLine()), detection), line);
    }

    /** A mapping is all of its field tests; a list of mappings is any of them. */
    private ConditionNode selection(String category, Node n) throws SigmaException {
        int line = SigmaRule.line(n);
        if (n instanceof MappingNode) {
            List<ConditionNode> tests = new ArrayList<>();
            Map<String, Node> keys = SigmaRule.keys(n);
            for (Map.Entry<String, Node> e : SigmaRule.entries(n).entrySet()) {
                tests.add(fieldTest(category, e.getKey(), e.getValue(), SigmaRule.line(keys.get(e.getKey()))));
            }
            return ConditionNode.all(tests, line);
        }
        if (n instanceof SequenceNode && ((SequenceNode) n).getValue().stream().allMatch(x -> x instanceof MappingNode)) {
            List<ConditionNode> alternatives = new ArrayList<>();
            for (Node item : ((SequenceNode) n).getValue()) {
                alternatives.add(selection(category, item));
            }
            return ConditionNode.any(alternatives, line);
        }
        throw new SigmaException(line, "keyword search (values with no field) is not supported: "
                + "the event model has no full-text field");
    }

    private ConditionNode fieldTest(String category, String key, Node value, int line) throws SigmaException {
        String[] words = key.split("\\|");
        String sigmaField = words[0];
        SigmaMapping.Target target = mapping.target(category, sigmaField);
        if (target == null) {
            throw new SigmaException(line, "field " + sigmaField + " of " + category
                    + " is not in the mapping (" + mapping.file() + "): the events do not carry it");
        }
        List<String> values;
        if (value instanceof SequenceNode) {
            values = new ArrayList<>();
            for (Node item : ((SequenceNode) value).getValue()) {
                values.add(scalar(item));
            }
        } else {
            values = new ArrayList<>(Arrays.asList(scalar(value)));
        }
        if (values.isEmpty()) {
            throw new SigmaException(line, key + " has an empty list of values");
        }
        return SigmaValues.test(target.field(), Arrays.asList(words).subList(1, words.length), values,
                target.values(), line);
    }

    private static String scalar(Node n) throws SigmaException {
        if (!(n instanceof ScalarNode)) {
            throw new SigmaException(SigmaRule.line(n), "a field's value must be a scalar or a list of scalars");
        }
        return SigmaRule.text(n);
    }
}
