package org.t1573.pattern;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed reads of a composed YAML tree that keep line numbers, so every error names its line.
 * A wrong shape is recorded as an error and answered with an empty value, letting the loader go
 * on and report the rest of the file.
 */
final class YamlTree {
    private final String file;
    private final List<PatternError> errors;

    YamlTree(String file, List<PatternError> errors) {
        this.file = file;
        this.errors = errors;
    }

    static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    void error(Node at, String reason) {
        errors.add(new PatternError(file, at == null ? 0 : line(at), reason));
    }

    void error(int line, String reason) {
        errors.add(new PatternError(file, line, reason));
    }

    /** The entries of a mapping in file order; duplicate keys are errors. */
    Map<String, NodeTuple> mapping(Node n, String what) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        if (!(n instanceof MappingNode)) {
            error(n, what + " must be a mapping of key: value");
            return out;
        }
        for (NodeTuple t : ((MappingNode) n).getValue()) {
            String key = scalar(t.getKeyNode(), "a key in " + what);
            if (key == null) {
                continue;
            }
            if (out.containsKey(key)) {
                error(t.getKeyNode(), "duplicate key '" + key + "' in " + what);
            }
            out.put(key, t);
        }
        return out;
    }

    /** A scalar's text, or null after recording an error. */
    String scalar(Node n, String what) {
        if (n instanceof ScalarNode) {
            return ((ScalarNode) n).getValue();
        }
        error(n, what + " must be a single value, not a " + (n instanceof SequenceNode ? "list" : "mapping"));
        return null;
    }

    /** A list of scalars; a single scalar counts as a list of one. */
    List<String> scalars(Node n, String what) {
        List<String> out = new ArrayList<>();
        if (n instanceof ScalarNode) {
            out.add(((ScalarNode) n).getValue());
        } else if (n instanceof SequenceNode) {
            for (Node item : ((SequenceNode) n).getValue()) {
                String s = scalar(item, "each item of " + what);
                if (s != null) {
                    out.add(s);
                }
            }
        } else {
            error(n, what + " must be a value or a list of values");
        }
        return out;
    }

    /** The items of a sequence. */
    List<Node> sequence(Node n, String what) {
        if (n instanceof SequenceNode) {
            return ((SequenceNode) n).getValue();
        }
        error(n, what + " must be a list");
        return List.of();
    }
}
