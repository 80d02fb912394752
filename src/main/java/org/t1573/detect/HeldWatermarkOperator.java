package org.t1573.detect;

import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;

/**
 * A keyed process operator that buffers events up to {@code holdMillis} of event time before it
 * emits them, and therefore forwards the watermark that much behind: an event released by a
 * timer at {@code t + hold} is then still ahead of the watermark downstream, not late. Timers
 * fire on the real watermark.
 */
final class HeldWatermarkOperator<K, I, O> extends KeyedProcessOperator<K, I, O> {
    private static final long serialVersionUID = 1L;

    private final long holdMillis;

    HeldWatermarkOperator(KeyedProcessFunction<K, I, O> function, long holdMillis) {
        super(function);
        this.holdMillis = holdMillis;
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        timeServiceManager.advanceWatermark(mark);
        long t = mark.getTimestamp();
        output.emitWatermark(t == Long.MAX_VALUE ? mark : new Watermark(t - holdMillis));
    }
}
