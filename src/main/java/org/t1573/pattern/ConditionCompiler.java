package org.t1573.pattern;

import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compiles {@link ConditionNode}s into {@link Condition}s over one record type, binding
 * {@code $Parameter} references to their values. Problems are added to the error list with the
 * file and line of the test, so one load reports all of them.
 */
public final class ConditionCompiler<T> {
    private final FieldResolver<T> fields;
    private final ParameterValues params;
    private final String file;
    private final List<PatternError> errors;

    public ConditionCompiler(FieldResolver<T> fields, ParameterValues params, String file, List<PatternError> errors) {
        this.fields = fields;
        this.params = params;
        this.file = file;
        this.errors = errors;
    }

    public Condition<T> compile(ConditionNode node) {
        switch (node.kind()) {
            case ALL: {
                List<Condition<T>> parts = compileAll(node.children());
                @SuppressWarnings("unchecked")
                Condition<T>[] arr = parts.toArray(new Condition[0]);
                return r -> {
                    for (Condition<T> c : arr) {
                        if (!c.test(r)) {
                            return false;
                        }
                    }
                    return true;
                };
            }
            case ANY: {
                List<Condition<T>> parts = compileAll(node.children());
                @SuppressWarnings("unchecked")
                Condition<T>[] arr = parts.toArray(new Condition[0]);
                return r -> {
                    for (Condition<T> c : arr) {
                        if (c.test(r)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            case NOT: {
                Condition<T> inner = compile(node.children().get(0));
                return r -> !inner.test(r);
            }
            default:
                return compileTest(node);
        }
    }

    private List<Condition<T>> compileAll(List<ConditionNode> nodes) {
        List<Condition<T>> out = new ArrayList<>();
        for (ConditionNode n : nodes) {
            out.add(compile(n));
        }
        return out;
    }

    private Condition<T> compileTest(ConditionNode node) {
        FieldAccess<T> field = fields.resolve(node.field());
        if (field == null) {
            return fail(node, "unknown field '" + node.field() + "'" + suggestion(node.field()));
        }
        Operator op = Operator.EQUALS;
        boolean cased = false;
        for (String m : node.modifiers()) {
            if (m.equals("cased")) {
                cased = true;
                continue;
            }
            Operator o = Operator.fromWord(m);
            if (o == null) {
                return fail(node, "unknown modifier '|" + m + "' (known: cased, "
                        + Arrays.stream(Operator.values()).filter(x -> x != Operator.EQUALS)
                                .map(Operator::word).collect(Collectors.joining(", ")) + ")");
            }
            if (op != Operator.EQUALS) {
                return fail(node, "more than one operator modifier on '" + node.field() + "'");
            }
            op = o;
        }
        List<Bound> bound = bind(node);
        if (bound == null) {
            return r -> false;
        }
        // Equality with a value no parser emits is a typo that would silently never match.
        if (op == Operator.EQUALS && !inVocabulary(node, bound, field.vocabulary(), cased)) {
            return r -> false;
        }
        List<String> values = bound.stream().map(Bound::value).toList();
        try {
            return FieldConditions.of(field, op, cased, values);
        } catch (IllegalArgumentException e) {
            return failValues(node, node.field() + "|" + op.word() + ": " + e.getMessage());
        } catch (PatternSyntaxException e) {
            return failValues(node, "invalid RE2 regular expression: " + e.getMessage());
        }
    }

    /** A value of a field test, with the parameter it came from (null for a literal). */
    private record Bound(String value, ParameterSpec parameter) {}

    /** The values with {@code $Name} replaced by the parameter's values; null after an error. */
    private List<Bound> bind(ConditionNode node) {
        List<Bound> out = new ArrayList<>();
        for (String v : node.values()) {
            if (isReference(v)) {
                String name = v.substring(1);
                if (!params.has(name)) {
                    fail(node, "unknown parameter '" + v + "' (declared: " + params.specs().keySet() + ")");
                    return null;
                }
                for (String p : params.asStrings(name)) {
                    out.add(new Bound(p, params.specs().get(name)));
                }
            } else {
                out.add(new Bound(v.startsWith("$$") ? v.substring(1) : v, null));
            }
        }
        return out;
    }

    private static boolean isReference(String value) {
        return value.startsWith("$") && value.length() > 1 && !value.startsWith("$$");
    }

    /**
     * Whether every value is one the field can have (any, for a field of open values); an error
     * for each that is not, at the parameter's line when a parameter supplied it.
     */
    private boolean inVocabulary(ConditionNode node, List<Bound> values, Set<String> vocabulary, boolean cased) {
        boolean known = true;
        for (Bound b : values) {
            String v = cased ? b.value() : b.value().toLowerCase(Locale.ROOT);
            if (vocabulary.isEmpty() || vocabulary.contains(v)) {
                continue;
            }
            known = false;
            Set<String> close = ClosestNames.within(b.value(), vocabulary);
            String reason = "unknown " + node.field() + " value '" + b.value() + "'" + (close.isEmpty()
                    ? " (known: " + String.join(", ", new TreeSet<>(vocabulary)) + ")" : ClosestNames.didYouMean(close));
            if (b.parameter() == null) {
                fail(node, reason);
            } else {
                failAtParameter(b.parameter(), node, reason);
            }
        }
        return known;
    }

    /** Known names within two edits of the name, or sharing its last part, in sorted order. */
    private String suggestion(String name) {
        String tail = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        Set<String> close = new TreeSet<>(ClosestNames.within(name, fields.names()));
        for (String known : fields.names()) {
            if (known.endsWith("." + tail) || known.equals(tail)) {
                close.add(known);
            }
        }
        return ClosestNames.didYouMean(close);
    }

    /**
     * A problem with a test's values. When they are all one parameter's, the parameter is what
     * is wrong (a default of the wrong type): the error is at its line, naming the test's.
     */
    private Condition<T> failValues(ConditionNode node, String reason) {
        if (node.values().size() == 1 && isReference(node.values().get(0))) {
            return failAtParameter(params.specs().get(node.values().get(0).substring(1)), node, reason);
        }
        return fail(node, reason);
    }

    private Condition<T> failAtParameter(ParameterSpec parameter, ConditionNode node, String reason) {
        errors.add(new PatternError(file, parameter.line(),
                "parameter " + parameter.name() + ": " + reason + " (used at line " + node.line() + ")"));
        return r -> false;
    }

    private Condition<T> fail(ConditionNode node, String reason) {
        errors.add(new PatternError(file, node.line(), reason));
        return r -> false;
    }
}
