package org.t1573.backtest;

import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.t1573.event.Event;

/**
 * The backtest's {@code --from/--to}: keeps parsed events whose event time is in [from, to) and
 * counts the rest (accumulator {@link #OUT_OF_RANGE}), so a summary can say how many were dropped.
 */
public final class EventTimeRange extends RichFilterFunction<Event> {
    /** Accumulator of the events outside the range. */
    public static final String OUT_OF_RANGE = "out-of-time-range";

    private final long from;
    private final long to;
    private transient LongCounter dropped;

    /** {@code from}/{@code to}: null for an open end. */
    public EventTimeRange(Instant from, Instant to) {
        this.from = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        this.to = to == null ? Long.MAX_VALUE : to.toEpochMilli();
    }

    @Override
    public void open(OpenContext context) {
        dropped = getRuntimeContext().getLongCounter(OUT_OF_RANGE);
    }

    @Override
    public boolean filter(Event e) {
        boolean in = contains(e.timestamp);
        if (!in) {
            dropped.add(1);
        }
        return in;
    }

    boolean contains(long timestamp) {
        return timestamp >= from && timestamp < to;
    }
}
