package org.t1573.pattern;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Case-insensitive equality and prefix/suffix tests with {@link Locale#ROOT} lower case, the
 * pattern files' rule, without lower-casing a copy of every value tested: the select stage runs
 * every loaded pattern's tests on every event, and most values (paths, names) are ASCII. Where
 * the part compared is not ASCII, it lower-cases the value as before, so results are the same.
 */
final class IgnoreCase implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Result of an ASCII comparison that met a non-ASCII character. */
    private static final int NOT_ASCII = -1;

    private final Set<String> lowered;
    private final String[] table;
    private final int mask;

    /** A set of values to test equality against, ignoring case. */
    IgnoreCase(Collection<String> values) {
        lowered = new HashSet<>();
        values.forEach(v -> lowered.add(lower(v)));
        int size = Integer.highestOneBit(Math.max(4, lowered.size() * 4) - 1) << 1;
        table = new String[size];
        mask = size - 1;
        for (String v : lowered) {
            int i = v.hashCode() & mask;
            while (table[i] != null) {
                i = (i + 1) & mask;
            }
            table[i] = v;
        }
    }

    /** True if the value equals one of the set's values, ignoring case. */
    boolean contains(String s) {
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return lowered.contains(lower(s));
            }
            h = 31 * h + asciiLower(c);
        }
        for (int i = h & mask; table[i] != null; i = (i + 1) & mask) {
            String v = table[i];
            if (v.length() == s.length() && compare(s, 0, v) == 1) {
                return true;
            }
        }
        return false;
    }

    /** {@code lower(s).startsWith(needle)} for a lower-case needle. */
    static boolean startsWith(String s, String needle) {
        int r = s.length() < needle.length() ? NOT_ASCII : compare(s, 0, needle);
        return r == NOT_ASCII ? lower(s).startsWith(needle) : r == 1;
    }

    /** {@code lower(s).endsWith(needle)} for a lower-case needle. */
    static boolean endsWith(String s, String needle) {
        int from = s.length() - needle.length();
        int r = from < 0 ? NOT_ASCII : compare(s, from, needle);
        return r == NOT_ASCII ? lower(s).endsWith(needle) : r == 1;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * 1 if the chars of {@code s} from {@code from} equal {@code lowerText} once ASCII letters are
     * lower-cased, 0 if an ASCII char differs first, {@link #NOT_ASCII} if a non-ASCII char comes
     * first on either side (Locale.ROOT may map it to something else, even to two chars).
     */
    private static int compare(String s, int from, String lowerText) {
        for (int i = 0; i < lowerText.length(); i++) {
            char c = s.charAt(from + i);
            char want = lowerText.charAt(i);
            if (c >= 0x80 || want >= 0x80) {
                return NOT_ASCII;
            }
            if (asciiLower(c) != want) {
                return 0;
            }
        }
        return 1;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
