package org.t1573.pattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads Sigma-style predicates: a mapping is "all of" its entries, a list of mappings is
 * "any of" them, a key {@code field|modifier|...} is a field test whose list of values means
 * "any of", and the keys {@code all}, {@code any} and {@code not} nest.
 */
final class ConditionReader {
    private final YamlTree yaml;

    ConditionReader(YamlTree yaml) {
        this.yaml = yaml;
    }

    ConditionNode read(Node n, String what) {
        int line = YamlTree.line(n);
        if (n instanceof SequenceNode) {
            List<ConditionNode> alternatives = new ArrayList<>();
            for (Node item : ((SequenceNode) n).getValue()) {
                alternatives.add(read(item, what));
            }
            if (alternatives.isEmpty()) {
                yaml.error(n, what + " must not be an empty list");
            }
            return ConditionNode.any(alternatives, line);
        }
        if (!(n instanceof MappingNode)) {
            yaml.error(n, what + " must be a mapping of field tests (field|modifier: value) or a list of them");
            return ConditionNode.all(List.of(), line);
        }
        List<ConditionNode> parts = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> e : yaml.mapping(n, what).entrySet()) {
            Node value = e.getValue().getValueNode();
            int keyLine = YamlTree.line(e.getValue().getKeyNode());
            switch (e.getKey()) {
                case "all":
                    parts.add(ConditionNode.all(readEach(value, what), keyLine));
                    break;
                case "any":
                    parts.add(ConditionNode.any(readEach(value, what), keyLine));
                    break;
                case "not":
                    parts.add(ConditionNode.not(read(value, what), keyLine));
                    break;
                default: {
                    String[] words = e.getKey().split("\\|");
                    List<String> modifiers = Arrays.asList(words).subList(1, words.length);
                    parts.add(ConditionNode.test(words[0].trim(), modifiers, yaml.scalars(value, e.getKey()), keyLine));
                }
            }
        }
        return ConditionNode.all(parts, line);
    }

    private List<ConditionNode> readEach(Node n, String what) {
        List<ConditionNode> out = new ArrayList<>();
        for (Node item : yaml.sequence(n, what)) {
            out.add(read(item, what));
        }
        return out;
    }
}
