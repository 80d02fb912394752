package org.t1573.pattern;

import java.util.Locale;

/**
 * The Sigma-style modifiers a field test may carry ({@code field|modifier: value}). String
 * comparisons are case-insensitive unless the test also carries {@code |cased}; a list of values
 * means "any of them".
 */
public enum Operator {
    EQUALS,
    CONTAINS,
    STARTSWITH,
    ENDSWITH,
    /** RE2 syntax (linear time), searched anywhere in the value like Sigma's {@code re}. */
    RE,
    CIDR,
    /** The address is in one of the given blocks (normally {@code $InternalNetworks}). */
    INTERNAL,
    /** The value is an IP address outside all of the given blocks. */
    EXTERNAL,
    GT,
    GTE,
    LT,
    LTE,
    /** {@code true}: the field is present; {@code false}: it is absent. */
    EXISTS;

    /** The modifier word for this operator as written in pattern files. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The operator for a modifier word, or null. */
    public static Operator fromWord(String word) {
        for (Operator o : values()) {
            if (o != EQUALS && o.word().equals(word)) {
                return o;
            }
        }
        return null;
    }
}
