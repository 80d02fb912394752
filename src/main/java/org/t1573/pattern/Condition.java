package org.t1573.pattern;

import java.io.Serializable;

/** A compiled, serializable test on a record (an event, or an alert's aggregates). */
@FunctionalInterface
public interface Condition<T> extends Serializable {

    boolean test(T record);

    /** A condition that holds for every record: an absent {@code where} or {@code condition}. */
    static <T> Condition<T> always() {
        return r -> true;
    }
}
