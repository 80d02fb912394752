package org.t1573.pattern;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One {@code --set} of a run: {@code [PatternId.]Name=value} replaces a parameter's value,
 * {@code Name+=items} adds items to a list parameter and {@code Name-=items} removes them, so a
 * site extends or trims a shipped list without copying it.
 *
 * @param target {@code Name} (every pattern that declares it) or {@code PatternId.Name}
 * @param value the value's text, as {@link ParameterValues#parse(ParameterType, String)} reads it
 */
public record ParameterOverride(String target, Operation operation, String value) implements Serializable {

    /** What an override does to the value. */
    public enum Operation {
        REPLACE("="), ADD("+="), REMOVE("-=");

        private final String symbol;

        Operation(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** Reads {@code Name=value}, {@code Name+=value} or {@code Name-=value}; IllegalArgumentException otherwise. */
    public static ParameterOverride parse(String text) {
        int eq = text.indexOf('=');
        Operation op = Operation.REPLACE;
        int end = eq;
        if (eq > 0 && (text.charAt(eq - 1) == '+' || text.charAt(eq - 1) == '-')) {
            op = text.charAt(eq - 1) == '+' ? Operation.ADD : Operation.REMOVE;
            end = eq - 1;
        }
        String target = eq < 0 ? "" : text.substring(0, end).strip();
        if (target.isEmpty()) {
            throw new IllegalArgumentException("--set " + text
                    + ": expected [PatternId.]Name=value, Name+=items or Name-=items");
        }
        return new ParameterOverride(target, op, text.substring(eq + 1).strip());
    }

    /** Replacing overrides, one per entry (the form of a pattern test's {@code set:}). */
    public static List<ParameterOverride> replacing(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> new ParameterOverride(e.getKey(), Operation.REPLACE, e.getValue())).toList();
    }

    /** Whether it names one pattern ({@code PatternId.Name}) rather than every pattern declaring the name. */
    public boolean isForOnePattern() {
        return target.contains(".");
    }

    /** The parameter name this override sets in pattern {@code id}, or null when it is not for that pattern. */
    public String nameIn(String id) {
        if (target.startsWith(id + ".")) {
            return target.substring(id.length() + 1);
        }
        return isForOnePattern() ? null : target;
    }

    @Override
    public String toString() {
        return target + operation.symbol + value;
    }
}
