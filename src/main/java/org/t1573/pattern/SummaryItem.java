package org.t1573.pattern;

import java.io.Serializable;

/**
 * One output field of an alert's summary, named by the pattern (e.g. the seed query's
 * {@code ConnectionCount}): either an {@link Aggregate}, or the distinct values of a field over
 * the events of one step ({@code distinct(crypto_load.dll.name)}).
 */
public record SummaryItem(String name, Aggregate aggregate, String step, String field, int line)
        implements Serializable {

    public boolean isDistinct() {
        return aggregate == null;
    }
}
