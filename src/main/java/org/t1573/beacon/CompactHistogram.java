package org.t1573.beacon;

import java.util.Arrays;

/**
 * The distribution of whole-number values (interval seconds, session bytes) in at most
 * {@link #CAPACITY} bins: exact while the values are at most that many distinct ones, as a beacon's
 * are; beyond that the two nearest bins merge into one at their weighted mean (Ben-Haim and
 * Tom-Tov's streaming histogram), so irregular traffic, which scores low anyway, costs no more.
 * Quantiles and the median absolute deviation come from the bins as if each value were repeated.
 * <p>Not a t-digest: two digests per pane (the sliding window must forget whole panes) serialize
 * to 10,400 bytes for a day-long jittered beacon against 6,864 here, and are approximate where
 * these bins are exact; a one-session pair is 80 against 125 bytes (bench/beacon-state.sh).
 */
public final class CompactHistogram {
    /** Bins kept; enough for a jittered beacon (e.g. 60 s +/- 10 %: 13 distinct seconds). */
    public static final int CAPACITY = 32;

    /** Bin values, ascending; the first {@link #size} are used. Public fields: a Flink POJO in state. */
    public long[] values = new long[0];
    public int[] counts = new int[0];
    public int size;

    public CompactHistogram() {}

    /** Adds one occurrence of {@code value}. */
    public void add(long value) {
        add(value, 1);
    }

    /** Adds every bin of {@code other}. */
    public void addAll(CompactHistogram other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i], other.counts[i]);
        }
    }

    /** The number of values added. */
    public long total() {
        long n = 0;
        for (int i = 0; i < size; i++) {
            n += counts[i];
        }
        return n;
    }

    /** The values in ascending order, each bin's value repeated by its count (for RITA's statistics). */
    public double[] sortedValues() {
        double[] out = new double[(int) total()];
        int at = 0;
        for (int i = 0; i < size; i++) {
            Arrays.fill(out, at, at + counts[i], values[i]);
            at += counts[i];
        }
        return out;
    }

    private void add(long value, int count) {
        int at = Arrays.binarySearch(values, 0, size, value);
        if (at >= 0) {
            counts[at] += count;
            return;
        }
        int insert = -at - 1;
        if (size == values.length) {
            int grown = Math.min(CAPACITY + 1, Math.max(2, size * 2));
            values = Arrays.copyOf(values, grown);
            counts = Arrays.copyOf(counts, grown);
        }
        System.arraycopy(values, insert, values, insert + 1, size - insert);
        System.arraycopy(counts, insert, counts, insert + 1, size - insert);
        values[insert] = value;
        counts[insert] = count;
        size++;
        if (size > CAPACITY) {
            mergeNearest();
        }
    }

    private void mergeNearest() {
        int best = 0;
        for (int i = 1; i < size - 1; i++) {
            if (values[i + 1] - values[i] < values[best + 1] - values[best]) {
                best = i;
            }
        }
        long n = (long) counts[best] + counts[best + 1];
        values[best] = Math.round((values[best] * (double) counts[best] + values[best + 1] * (double) counts[best + 1]) / n);
        counts[best] = (int) n;
        System.arraycopy(values, best + 2, values, best + 1, size - best - 2);
        System.arraycopy(counts, best + 2, counts, best + 1, size - best - 2);
        size--;
    }
}
