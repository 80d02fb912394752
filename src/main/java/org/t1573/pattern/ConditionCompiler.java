package org.t1573.pattern;

import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.t1573.event.FieldType;

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
            return FieldTests.create(field, op, cased, values);
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

    /** Field tests by operator; each validates its values once, at compile time. */
    static final class FieldTests {
        private FieldTests() {}

        static <T> Condition<T> create(FieldAccess<T> f, Operator op, boolean cased, List<String> values) {
            FieldType type = f.type();
            switch (op) {
                case EXISTS: {
                    boolean want = parseBoolean(single(values));
                    return r -> (f.get(r) != null) == want;
                }
                case GT:
                case GTE:
                case LT:
                case LTE:
                    requireNumeric(type, op);
                    return numeric(f, op, parseNumber(single(values)));
                case CIDR:
                case INTERNAL:
                case EXTERNAL: {
                    if (type != FieldType.IP) {
                        throw new IllegalArgumentException("needs an IP address field, not a " + type);
                    }
                    Networks nets = Networks.parse(values);
                    boolean wantInside = op != Operator.EXTERNAL;
                    return r -> {
                        Object v = f.get(r);
                        if (v == null) {
                            return false;
                        }
                        Boolean inside = nets.contains(v.toString());
                        return inside != null && inside == wantInside;
                    };
                }
                case RE: {
                    List<com.google.re2j.Pattern> res = new ArrayList<>();
                    for (String v : values) {
                        res.add(com.google.re2j.Pattern.compile(v));
                    }
                    return r -> {
                        Object v = f.get(r);
                        if (v == null) {
                            return false;
                        }
                        String s = v.toString();
                        for (com.google.re2j.Pattern p : res) {
                            if (p.matcher(s).find()) {
                                return true;
                            }
                        }
                        return false;
                    };
                }
                case CONTAINS:
                case STARTSWITH:
                case ENDSWITH:
                    return substring(f, op, cased, values);
                default:
                    return equalsAny(f, cased, values);
            }
        }

        private static <T> Condition<T> equalsAny(FieldAccess<T> f, boolean cased, List<String> values) {
            switch (f.type()) {
                case LONG:
                case TIME:
                case DOUBLE: {
                    double[] nums = values.stream().mapToDouble(FieldTests::parseNumber).toArray();
                    return r -> {
                        Object v = f.get(r);
                        if (v == null) {
                            return false;
                        }
                        double d = ((Number) v).doubleValue();
                        for (double n : nums) {
                            if (n == d) {
                                return true;
                            }
                        }
                        return false;
                    };
                }
                case BOOLEAN: {
                    Set<Boolean> want = values.stream().map(FieldTests::parseBoolean).collect(Collectors.toSet());
                    return r -> {
                        Object v = f.get(r);
                        return v != null && want.contains(v);
                    };
                }
                default: {
                    if (!cased) {
                        IgnoreCase set = new IgnoreCase(values);
                        return r -> {
                            Object v = f.get(r);
                            return v != null && set.contains(v.toString());
                        };
                    }
                    Set<String> set = Set.copyOf(values);
                    return r -> {
                        Object v = f.get(r);
                        return v != null && set.contains(v.toString());
                    };
                }
            }
        }

        private static <T> Condition<T> substring(FieldAccess<T> f, Operator op, boolean cased, List<String> values) {
            String[] needles = values.stream().map(v -> cased ? v : lower(v)).toArray(String[]::new);
            if (!cased && op != Operator.CONTAINS) {
                boolean prefix = op == Operator.STARTSWITH;
                return r -> {
                    Object v = f.get(r);
                    if (v == null) {
                        return false;
                    }
                    String s = v.toString();
                    for (String n : needles) {
                        if (prefix ? IgnoreCase.startsWith(s, n) : IgnoreCase.endsWith(s, n)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            return r -> {
                Object v = f.get(r);
                if (v == null) {
                    return false;
                }
                String s = cased ? v.toString() : lower(v.toString());
                for (String n : needles) {
                    boolean hit = op == Operator.CONTAINS ? s.contains(n)
                            : op == Operator.STARTSWITH ? s.startsWith(n) : s.endsWith(n);
                    if (hit) {
                        return true;
                    }
                }
                return false;
            };
        }

        private static <T> Condition<T> numeric(FieldAccess<T> f, Operator op, double bound) {
            return r -> {
                Object v = f.get(r);
                if (v == null) {
                    return false;
                }
                double d = ((Number) v).doubleValue();
                switch (op) {
                    case GT:
                        return d > bound;
                    case GTE:
                        return d >= bound;
                    case LT:
                        return d < bound;
                    default:
                        return d <= bound;
                }
            };
        }

        private static void requireNumeric(FieldType type, Operator op) {
            if (type != FieldType.LONG && type != FieldType.DOUBLE && type != FieldType.TIME) {
                throw new IllegalArgumentException("|" + op.word() + " needs a numeric field, not a " + type);
            }
        }

        private static String single(List<String> values) {
            if (values.size() != 1) {
                throw new IllegalArgumentException("needs exactly one value, got " + values.size());
            }
            return values.get(0);
        }

        private static double parseNumber(String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not a number");
            }
        }

        private static boolean parseBoolean(String s) {
            if (s.equalsIgnoreCase("true")) {
                return true;
            }
            if (s.equalsIgnoreCase("false")) {
                return false;
            }
            throw new IllegalArgumentException("'" + s + "' is not true or false");
        }

        private static String lower(String s) {
            return IgnoreCase.lower(s);
        }
    }
}
