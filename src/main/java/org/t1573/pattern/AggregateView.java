package org.t1573.pattern;

/** Read access to an alert window's aggregates, for alert conditions and scores. */
public interface AggregateView {

    /** The aggregate's value (Long, Double, Boolean or epoch-millis Long), or null when not observed. */
    Object aggregate(Aggregate a);
}
