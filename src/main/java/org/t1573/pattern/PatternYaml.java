package org.t1573.pattern;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Composes the text of a pattern file into YAML nodes no larger than the loader can read. An
 * alias shares its anchor's node, so composing is cheap, but the loader reads the tree with every
 * alias expanded: nine lines of {@code &cN {any: [*c(N-1), ...]}} are millions of conditions, and
 * an alias inside its own anchor never ends. The tree is measured as it will be read, and a value
 * over a bound is an error at its line.
 */
public final class PatternYaml {
    /** The largest pattern file, in bytes or code points; the shipped ones are under 8 KiB. */
    static final int MAX_FILE_SIZE = 1 << 20;
    /** The most nodes a file may expand to; the largest shipped pattern has under 300. */
    static final int MAX_NODES = 10_000;
    /** The deepest nesting of mappings and lists once expanded; the shipped patterns nest at most 7 deep. */
    static final int MAX_DEPTH = 50;

    private PatternYaml() {}

    /** The root node, or null for an empty document; PatternLoadException for bad or oversized YAML. */
    public static Node compose(String file, String text) throws PatternLoadException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_FILE_SIZE);
        // SnakeYAML's guards name no line: they stop only text far past the bounds measured below, at a line.
        options.setNestingDepthLimit(2 * MAX_DEPTH);
        options.setMaxAliasesForCollections(MAX_NODES);
        Node root;
        try (Reader r = new StringReader(text)) {
            root = new Yaml(options).compose(r);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new PatternLoadException(List.of(new PatternError(file, line, "not valid YAML: " + e.getProblem())));
        } catch (IOException | RuntimeException e) {
            throw new PatternLoadException(List.of(new PatternError(file, 0, "not valid YAML: " + e.getMessage())));
        }
        if (root != null) {
            new Expansion(file).measure(root, 0);
        }
        return root;
    }

    /** The size of a node with its aliases expanded: how many nodes, and how many collections deep. */
    private record Size(long nodes, int height) {}

    /** Measures each node once, however many aliases share it. */
    private static final class Expansion {
        private final String file;
        private final Map<Node, Size> measured = new IdentityHashMap<>();

        Expansion(String file) {
            this.file = file;
        }

        /** The size of {@code n}, inside {@code depth} collections; throws at the first node over a bound. */
        Size measure(Node n, int depth) throws PatternLoadException {
            Size size = measured.get(n);
            if (size == null) {
                // Checked before descending: an alias inside its own anchor is still being measured.
                if (isCollection(n) && depth >= MAX_DEPTH) {
                    throw tooDeep(n);
                }
                size = sum(n, depth);
                measured.put(n, size);
            }
            if (depth + size.height() > MAX_DEPTH) {
                throw tooDeep(n);
            }
            return size;
        }

        private Size sum(Node n, int depth) throws PatternLoadException {
            long nodes = 1;
            int height = 0;
            for (Node child : childrenOf(n)) {
                Size c = measure(child, depth + 1);
                nodes += c.nodes();
                height = Math.max(height, c.height());
                if (nodes > MAX_NODES) {
                    throw error(n, "this value expands to more than " + MAX_NODES + " YAML nodes (an alias "
                            + "counts each time it is used): too large for a pattern; long lists belong in a list "
                            + "file (@file:)");
                }
            }
            return new Size(nodes, isCollection(n) ? height + 1 : 0);
        }

        private static boolean isCollection(Node n) {
            return n instanceof MappingNode || n instanceof SequenceNode;
        }

        private static List<Node> childrenOf(Node n) {
            if (n instanceof SequenceNode sequence) {
                return sequence.getValue();
            }
            List<Node> out = new ArrayList<>();
            if (n instanceof MappingNode mapping) {
                for (NodeTuple t : mapping.getValue()) {
                    out.add(t.getKeyNode());
                    out.add(t.getValueNode());
                }
            }
            return out;
        }

        private PatternLoadException tooDeep(Node n) {
            return error(n, "this value nests more than " + MAX_DEPTH + " mappings and lists deep once its aliases are "
                    + "expanded (an alias inside its own anchor nests forever)");
        }

        private PatternLoadException error(Node at, String reason) {
            return new PatternLoadException(List.of(new PatternError(file, YamlTree.line(at), reason)));
        }
    }
}
