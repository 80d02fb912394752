package org.t1573.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.t1573.event.FieldType;

/**
 * The {@link Condition} of one field test of a pattern ({@code field|operator: values}), by
 * operator and field type; each validates its values once, when the pattern is compiled, and
 * throws {@link IllegalArgumentException} (or RE2's {@code PatternSyntaxException}) for values
 * the operator cannot use, which {@link ConditionCompiler} reports at the test's line.
 */
final class FieldConditions {
    private FieldConditions() {}

    static <T> Condition<T> of(FieldAccess<T> f, Operator op, boolean cased, List<String> values) {
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
                double[] nums = values.stream().mapToDouble(FieldConditions::parseNumber).toArray();
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
                Set<Boolean> want = values.stream().map(FieldConditions::parseBoolean).collect(Collectors.toSet());
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
