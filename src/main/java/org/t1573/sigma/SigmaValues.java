package org.t1573.sigma;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.t1573.pattern.ConditionNode;

/**
 * Turns one Sigma field test ({@code Field|modifiers: values}) into the pattern engine's field
 * tests: Sigma's wildcards become anchored case-insensitive RE2 expressions, value transforms
 * (windash, base64, base64offset, utf16) expand into the strings they stand for, {@code |all}
 * becomes "all of", {@code |expand} of {@code %Name%} is the pattern parameter Name (so
 * {@code --set} tunes it), and everything else maps onto the engine's own modifiers.
 */
final class SigmaValues {
    /** Modifiers that change how a value is compared; at most one per test. */
    private static final Set<String> OPERATORS =
            Set.of("contains", "startswith", "endswith", "re", "cidr", "gt", "gte", "lt", "lte", "exists");
    /** Dashes that Windows command lines accept for an option's leading dash (spec: windash). */
    private static final String[] DASHES = {"-", "/", "\u2013", "\u2014", "\u2015"};

    private SigmaValues() {}

    /** The test of {@code field} for the values; {@code valueMap} translates values written as the sensor spells them. */
    static ConditionNode test(String field, List<String> modifiers, List<String> values, Map<String, String> valueMap,
            int line) throws SigmaException {
        String operator = null;
        boolean all = false;
        boolean expand = false;
        boolean cased = false;
        String reFlags = "";
        List<String> transforms = new ArrayList<>();
        for (String m : modifiers) {
            if (OPERATORS.contains(m)) {
                if (operator != null) {
                    throw new SigmaException(line, "two comparison modifiers |" + operator + " and |" + m);
                }
                operator = m;
            } else if (m.equals("all")) {
                all = true;
            } else if (m.equals("cased")) {
                cased = true;
            } else if (m.equals("expand")) {
                expand = true;
            } else if (m.equals("i") || m.equals("m") || m.equals("s")) {
                reFlags += m;
            } else if (Set.of("windash", "base64", "base64offset", "wide", "utf16le", "utf16be", "utf16").contains(m)) {
                transforms.add(m);
            } else {
                throw new SigmaException(line, "unsupported modifier |" + m);
            }
        }
        if (!reFlags.isEmpty() && !"re".equals(operator)) {
            throw new SigmaException(line, "|" + reFlags + " needs |re");
        }
        List<List<Test>> perValue = new ArrayList<>();
        for (String v : values) {
            if (expand) {
                perValue.add(List.of(new Test(operator, placeholder(v, line))));
                continue;
            }
            perValue.add(v == null ? List.of(new Test("exists", "false"))
                    : tests(operator, reFlags, cased, transforms, mapped(v, operator, valueMap)));
        }
        if (all) {
            List<ConditionNode> each = new ArrayList<>();
            for (List<Test> t : perValue) {
                each.add(grouped(field, cased, t, line));
            }
            return ConditionNode.all(each, line);
        }
        return grouped(field, cased, perValue.stream().flatMap(List::stream).toList(), line);
    }

    /** {@code %Name%} as the engine's reference to the parameter Name (the mapping declares it). */
    private static String placeholder(String value, int line) throws SigmaException {
        if (value == null || !value.matches("%[A-Za-z][A-Za-z0-9_]*%")) {
            throw new SigmaException(line, "|expand needs a placeholder such as %InternalNetworks%, not " + value);
        }
        return "$" + value.substring(1, value.length() - 1);
    }

    /** A literal value starting with $ would read as a parameter reference; $$ is the engine's escape. */
    private static String escaped(String value) {
        return value.startsWith("$") ? "$" + value : value;
    }

    private static String mapped(String value, String operator, Map<String, String> valueMap) {
        String m = operator == null ? valueMap.get(value.toLowerCase(Locale.ROOT)) : null;
        return m == null ? value : m;
    }

    /** One engine test: its modifier word (null for equality) and value. */
    private record Test(String operator, String value) {}

    private static List<Test> tests(String operator, String reFlags, boolean cased, List<String> transforms,
            String value) throws SigmaException {
        if ("re".equals(operator)) {
            return List.of(new Test("re", escaped(reFlags.isEmpty() ? value : "(?" + reFlags + ")" + value)));
        }
        if (operator != null && !Set.of("contains", "startswith", "endswith").contains(operator)) {
            return List.of(new Test(operator, escaped(value)));
        }
        List<String> strings = List.of(value);
        boolean encoded = false;
        for (String t : transforms) {
            if (t.equals("windash")) {
                strings = strings.stream().flatMap(s -> windash(s).stream()).toList();
            } else if (t.startsWith("base64")) {
                boolean offsets = t.equals("base64offset");
                Charset cs = charsetOf(transforms);
                List<String> out = new ArrayList<>();
                for (String s : strings) {
                    out.addAll(offsets ? base64Offsets(literal(s).getBytes(cs)) : List.of(
                            Base64.getEncoder().encodeToString(literal(s).getBytes(cs))));
                }
                strings = out;
                encoded = true;
            }
        }
        List<Test> out = new ArrayList<>();
        for (String s : strings) {
            if (!encoded && hasWildcard(s)) {
                out.add(new Test("re", wildcardRegex(s, operator, cased)));
            } else {
                out.add(new Test(operator, escaped(encoded ? s : literal(s))));
            }
        }
        return out;
    }

    /** The tests grouped by modifier, one engine test per group (a value set is one lookup), any of them. */
    private static ConditionNode grouped(String field, boolean cased, List<Test> tests, int line) {
        Map<String, List<String>> byOperator = new LinkedHashMap<>();
        for (Test t : tests) {
            byOperator.computeIfAbsent(t.operator() == null ? "" : t.operator(), k -> new ArrayList<>()).add(t.value());
        }
        List<ConditionNode> nodes = new ArrayList<>();
        byOperator.forEach((op, vs) -> {
            List<String> mods = new ArrayList<>();
            if (!op.isEmpty()) {
                mods.add(op);
            }
            // Regular expressions carry their own case rule; the rest follow Sigma's |cased.
            if (cased && !op.equals("re")) {
                mods.add("cased");
            }
            nodes.add(ConditionNode.test(field, mods, vs, line));
        });
        return nodes.size() == 1 ? nodes.get(0) : ConditionNode.any(nodes, line);
    }

    private static Charset charsetOf(List<String> transforms) {
        if (transforms.contains("wide") || transforms.contains("utf16le")) {
            return StandardCharsets.UTF_16LE;
        }
        if (transforms.contains("utf16be")) {
            return StandardCharsets.UTF_16BE;
        }
        return transforms.contains("utf16") ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8;
    }

    /** Sigma's base64offset: the three encodings of the value at each byte offset, cut to the stable part. */
    static List<String> base64Offsets(byte[] value) {
        int[] start = {0, 2, 3};
        int[] endCut = {0, 3, 2};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] padded = new byte[i + value.length];
            java.util.Arrays.fill(padded, 0, i, (byte) ' ');
            System.arraycopy(value, 0, padded, i, value.length);
            String b64 = Base64.getEncoder().encodeToString(padded);
            int cut = endCut[(value.length + i) % 3];
            out.add(b64.substring(start[i], b64.length() - cut));
        }
        return out;
    }

    /** Every spelling of the value with each option dash (at the start or after a space) as -, /, or a Unicode dash. */
    static List<String> windash(String value) {
        List<String> out = new ArrayList<>(List.of(""));
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean optionDash = (c == '-' || c == '/') && (i == 0 || value.charAt(i - 1) == ' ');
            List<String> next = new ArrayList<>();
            for (String prefix : out) {
                if (optionDash) {
                    for (String d : DASHES) {
                        next.add(prefix + d);
                    }
                } else {
                    next.add(prefix + c);
                }
            }
            out = next;
        }
        return out;
    }

    private static boolean hasWildcard(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "*?\\".indexOf(s.charAt(i + 1)) >= 0) {
                i++;
            } else if (c == '*' || c == '?') {
                return true;
            }
        }
        return false;
    }

    /** The value with Sigma's escapes (backslash before *, ? or backslash) removed. */
    static String literal(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "*?\\".indexOf(s.charAt(i + 1)) >= 0) {
                c = s.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }

    /** An RE2 expression for a value with wildcards, anchored as the comparison modifier says. */
    static String wildcardRegex(String s, String operator, boolean cased) {
        StringBuilder b = new StringBuilder(cased ? "(?s)" : "(?is)");
        if (!"contains".equals(operator) && !"endswith".equals(operator)) {
            b.append('^');
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "*?\\".indexOf(s.charAt(i + 1)) >= 0) {
                quote(b, s.charAt(++i));
            } else if (c == '*') {
                b.append(".*");
            } else if (c == '?') {
                b.append('.');
            } else {
                quote(b, c);
            }
        }
        if (!"contains".equals(operator) && !"startswith".equals(operator)) {
            b.append('$');
        }
        return b.toString();
    }

    private static void quote(StringBuilder b, char c) {
        if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
            b.append('\\');
        }
        b.append(c);
    }
}
