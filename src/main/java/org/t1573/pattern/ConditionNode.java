package org.t1573.pattern;

import java.io.Serializable;
import java.util.List;

/**
 * A predicate as written in a pattern file, before parameters are bound: a field test
 * ({@code dll.name|endswith: [...]}) or an all/any/not combination of them. Compiled by
 * {@link ConditionCompiler} against a record type and parameter values.
 */
public final class ConditionNode implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The kind of node. */
    public enum Kind { ALL, ANY, NOT, TEST }

    private final Kind kind;
    private final List<ConditionNode> children;
    private final String field;
    private final List<String> modifiers;
    private final List<String> values;
    private final int line;

    private ConditionNode(Kind kind, List<ConditionNode> children, String field, List<String> modifiers,
            List<String> values, int line) {
        this.kind = kind;
        this.children = children;
        this.field = field;
        this.modifiers = modifiers;
        this.values = values;
        this.line = line;
    }

    public static ConditionNode all(List<ConditionNode> children, int line) {
        return new ConditionNode(Kind.ALL, List.copyOf(children), null, List.of(), List.of(), line);
    }

    public static ConditionNode any(List<ConditionNode> children, int line) {
        return new ConditionNode(Kind.ANY, List.copyOf(children), null, List.of(), List.of(), line);
    }

    public static ConditionNode not(ConditionNode child, int line) {
        return new ConditionNode(Kind.NOT, List.of(child), null, List.of(), List.of(), line);
    }

    /** A field test; values are literals or {@code $Parameter} references. */
    public static ConditionNode test(String field, List<String> modifiers, List<String> values, int line) {
        return new ConditionNode(Kind.TEST, List.of(), field, List.copyOf(modifiers), List.copyOf(values), line);
    }

    public Kind kind() {
        return kind;
    }

    public List<ConditionNode> children() {
        return children;
    }

    public String field() {
        return field;
    }

    public List<String> modifiers() {
        return modifiers;
    }

    public List<String> values() {
        return values;
    }

    public int line() {
        return line;
    }
}
