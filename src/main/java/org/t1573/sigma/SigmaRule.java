package org.t1573.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One Sigma document as read, with the YAML nodes of its {@code detection} or {@code correlation}
 * kept for their line numbers: a detection rule (logsource and detection) or a correlation rule.
 */
record SigmaRule(
        String file,
        String id,
        String name,
        String title,
        String status,
        String description,
        String level,
        String author,
        List<String> tags,
        List<String> references,
        List<String> falsePositives,
        String category,
        String product,
        int logsourceLine,
        Node detection,
        Node correlation) {

    /** Whether a document is Sigma's: it has a {@code logsource} or a {@code correlation}. */
    static boolean isSigma(Node root) {
        return root instanceof MappingNode && (entries(root).containsKey("logsource")
                || entries(root).containsKey("correlation"));
    }

    static SigmaRule read(String file, Node root) {
        Map<String, Node> top = entries(root);
        Map<String, Node> logsource = entries(top.get("logsource"));
        return new SigmaRule(file, text(top.get("id")), text(top.get("name")), text(top.get("title")),
                text(top.get("status")), text(top.get("description")), lower(text(top.get("level"))),
                text(top.get("author")), texts(top.get("tags")), texts(top.get("references")),
                texts(top.get("falsepositives")), text(logsource.get("category")), text(logsource.get("product")),
                top.containsKey("logsource") ? line(top.get("logsource")) : 1, top.get("detection"),
                top.get("correlation"));
    }

    /** The id of the rule's pattern: its {@code id}, else its {@code name}; null when it has neither. */
    String patternId() {
        return id != null ? id : name;
    }

    /** The first ATT&CK technique of the tags ({@code attack.t1059.001}), as T1059.001, or null. */
    String technique() {
        for (String t : tags) {
            String l = t.toLowerCase(Locale.ROOT);
            if (l.matches("attack\\.t\\d{4}(\\.\\d{3})?")) {
                return l.substring("attack.".length()).toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    static int line(Node n) {
        return n == null ? 0 : n.getStartMark().getLine() + 1;
    }

    /** A mapping's values in file order by key (empty for anything else). */
    static Map<String, Node> entries(Node n) {
        Map<String, Node> out = new LinkedHashMap<>();
        tuples(n).forEach((k, t) -> out.put(k, t.getValueNode()));
        return out;
    }

    /** The key nodes of a mapping, for the lines of its entries. */
    static Map<String, Node> keys(Node n) {
        Map<String, Node> out = new LinkedHashMap<>();
        tuples(n).forEach((k, t) -> out.put(k, t.getKeyNode()));
        return out;
    }

    private static Map<String, NodeTuple> tuples(Node n) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        if (n instanceof MappingNode) {
            for (NodeTuple t : ((MappingNode) n).getValue()) {
                if (t.getKeyNode() instanceof ScalarNode) {
                    out.put(((ScalarNode) t.getKeyNode()).getValue(), t);
                }
            }
        }
        return out;
    }

    /** A scalar's text, null for YAML null or anything that is not a scalar. */
    static String text(Node n) {
        if (!(n instanceof ScalarNode)) {
            return null;
        }
        ScalarNode s = (ScalarNode) n;
        return s.getTag().getValue().endsWith(":null") ? null : s.getValue();
    }

    /** The texts of a list (or of one scalar). */
    static List<String> texts(Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof SequenceNode) {
            for (Node item : ((SequenceNode) n).getValue()) {
                out.add(text(item));
            }
        } else if (n instanceof ScalarNode) {
            out.add(text(n));
        }
        return out;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
