package org.t1573.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One value of an enumerated event field ({@link EventAction}, {@link EventOutcome}, ...). The
 * enums are the vocabulary: parsers set fields from them and pattern validation checks against
 * them, so what patterns may name cannot drift from what parsers emit.
 */
public interface FieldValue {

    /** The enum constant's name; implemented by every enum. */
    String name();

    /** The value as it appears in events and pattern files: the constant's name in lower case. */
    default String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The values of a vocabulary enum's constants. */
    static Set<String> valuesOf(FieldValue[] constants) {
        return Arrays.stream(constants).map(FieldValue::value).collect(Collectors.toUnmodifiableSet());
    }
}
