package org.t1573.beacon;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A jitter-tolerant beacon score in [0, 1] for the sessions of one source and destination, after
 * RITA v5's beacon analysis: the mean of four sub-scores, each 1 for a perfect beacon.
 * <ul>
 *   <li>timestamp: symmetry (Bowley skew) and dispersion (median absolute deviation over median)
 *       of the non-zero intervals between sessions;</li>
 *   <li>data size: the same over the bytes each session sent;</li>
 *   <li>histogram: how flat the sessions per bin are over 24 bins of the observed span (one minus
 *       their coefficient of variation), or how well two bar heights explain them (bimodal fit);</li>
 *   <li>duration: the share of the observed span the sessions cover, or the longest run of
 *       consecutive non-empty bins over 12, once 6 bins are non-empty.</li>
 * </ul>
 * Needs at least 4 sessions with 3 non-zero intervals; times are whole seconds, as RITA's are.
 */
public final class BeaconScore {
    public static final int BINS = 24;
    static final double MODE_SENSITIVITY = 0.05;
    static final int BIMODAL_OUTLIER_REMOVAL = 1;
    static final int BIMODAL_MIN_BARS = 11;
    static final int DURATION_MIN_BARS = 6;
    static final int DURATION_IDEAL_RUN = 12;

    private BeaconScore() {}

    /** The sub-scores and total; {@code total} is null when there are too few sessions to score. */
    public record Result(Double total, double timestamp, double dataSize, double histogram, double duration) {}

    /**
     * Scores sessions at {@code timesSeconds} with {@code sizes} bytes each, observed over
     * [{@code spanStart}, {@code spanEnd}] (seconds).
     */
    public static Result score(long[] timesSeconds, long[] sizes, long spanStart, long spanEnd) {
        long[] ts = timesSeconds.clone();
        Arrays.sort(ts);
        int nonZero = 0;
        double[] deltas = new double[Math.max(0, ts.length - 1)];
        for (int i = 1; i < ts.length; i++) {
            deltas[i - 1] = ts[i] - ts[i - 1];
            if (deltas[i - 1] > 0) {
                nonZero++;
            }
        }
        if (ts.length < 4 || spanEnd <= spanStart) {
            return new Result(null, 0, 0, 0, 0);
        }
        Arrays.sort(deltas);
        double[] bytes = Arrays.stream(sizes).asDoubleStream().sorted().toArray();
        return score(new Features(Arrays.copyOfRange(deltas, deltas.length - nonZero, deltas.length), bytes,
                histogram(ts, spanStart, spanEnd), ts[0], ts[ts.length - 1], spanEnd - spanStart));
    }

    /**
     * What the score is computed from, however it was gathered (a list of sessions, or the
     * incremental state of a long beacon window): the sorted non-zero intervals between sessions
     * and sorted sizes, sessions per bin over {@link #BINS} bins of the span, the first and last
     * session and the span's length (seconds).
     */
    public record Features(double[] sortedNonZeroIntervals, double[] sortedSizes, int[] histogram, long first,
            long last, long span) {}

    /** The score of {@code f}; {@code total} is null with fewer than 3 non-zero intervals or 3 sizes. */
    public static Result score(Features f) {
        if (f.sortedNonZeroIntervals().length < 3 || f.sortedSizes().length < 3 || f.span() <= 0
                || f.last() <= f.first()) {
            return new Result(null, 0, 0, 0, 0);
        }
        double timestamp = statistical(f.sortedNonZeroIntervals(), 1);
        double dataSize = statistical(f.sortedSizes(), 0);
        int[] histogram = f.histogram();
        int bars = 0;
        for (int h : histogram) {
            if (h > 0) {
                bars++;
            }
        }
        int longestRun = longestRun(histogram);
        double hist = Math.max(cvScore(histogram), bimodalFit(histogram, bars));
        double duration = 0;
        if (bars >= DURATION_MIN_BARS) {
            double coverage = Math.min(1, Math.ceil((double) (f.last() - f.first()) / f.span() * 1000) / 1000);
            double consistency = Math.min(1, Math.ceil((double) longestRun / DURATION_IDEAL_RUN * 1000) / 1000);
            duration = Math.max(coverage, consistency);
        }
        double total = round3(0.25 * (timestamp + dataSize + hist + duration));
        return new Result(total, timestamp, dataSize, hist, duration);
    }

    /** (skew score + MAD score) / 2, rounded to 3 places; {@code values} sorted. */
    static double statistical(double[] values, double defaultMadScore) {
        double q1;
        double q3;
        int n = values.length;
        if (n % 2 == 0) {
            q1 = median(Arrays.copyOfRange(values, 0, n / 2));
            q3 = median(Arrays.copyOfRange(values, n / 2, n));
        } else {
            q1 = median(Arrays.copyOfRange(values, 0, (n - 1) / 2));
            q3 = median(Arrays.copyOfRange(values, (n + 1) / 2, n));
        }
        double q2 = median(values);
        double skew = 0;
        if (q3 - q1 >= 10 && q2 != q1 && q2 != q3) {
            skew = (q1 + q3 - 2 * q2) / (q3 - q1);
        }
        double skewScore = 1 - Math.abs(skew);
        double[] deviations = new double[n];
        for (int i = 0; i < n; i++) {
            deviations[i] = Math.abs(values[i] - q2);
        }
        Arrays.sort(deviations);
        double mad = median(deviations);
        double madScore = q2 >= 1 ? (q2 - mad) / q2 : defaultMadScore;
        if (madScore < 0 || Double.isNaN(madScore)) {
            madScore = 0;
        }
        return round3((skewScore + madScore) / 2);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** Sessions per bin over BINS equal bins of the span; the last edge is inclusive. */
    static int[] histogram(long[] sortedTimes, long spanStart, long spanEnd) {
        int[] bins = new int[BINS];
        double step = (double) (spanEnd - spanStart) / BINS;
        for (long t : sortedTimes) {
            int i = (int) Math.floor((t - spanStart) / step);
            bins[Math.max(0, Math.min(BINS - 1, i))]++;
        }
        return bins;
    }

    /** The longest run of non-empty bins, wrapping from the last bin to the first. */
    static int longestRun(int[] bins) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < bins.length * 2; i++) {
            if (bins[i % bins.length] > 0) {
                run++;
            } else {
                longest = Math.max(longest, run);
                run = 0;
            }
        }
        return Math.min(bins.length, Math.max(longest, run));
    }

    static double cvScore(int[] bins) {
        double total = 0;
        for (int b : bins) {
            total += b;
        }
        double mean = total / bins.length;
        double var = 0;
        for (int b : bins) {
            var += (b - mean) * (b - mean);
        }
        double cv = Math.sqrt(var / bins.length) / mean;
        return cv > 1 ? 0 : Math.min(1, round3(1 - cv));
    }

    /** Share of non-empty bins whose heights fall in the two most common height classes. */
    static double bimodalFit(int[] bins, int bars) {
        if (bars < BIMODAL_MIN_BARS) {
            return 0;
        }
        int largestBar = Arrays.stream(bins).max().orElse(0);
        double classSize = Math.ceil(largestBar * MODE_SENSITIVITY);
        Map<Integer, Integer> classes = new HashMap<>();
        for (int b : bins) {
            if (b > 0) {
                classes.merge((int) (Math.floor(b / classSize) * classSize), 1, Integer::sum);
            }
        }
        int largest = 0;
        int second = 0;
        for (int count : classes.values()) {
            if (count > largest) {
                second = largest;
                largest = count;
            } else if (count > second) {
                second = count;
            }
        }
        double fit = (largest + second) / Math.max(bars - BIMODAL_OUTLIER_REMOVAL, 1.0);
        return Math.min(1, round3(fit));
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
