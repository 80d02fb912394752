package org.t1573.detect;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.t1573.pattern.Aggregate;
import org.t1573.pattern.AggregateView;
import org.t1573.pattern.CompiledPattern;

/**
 * The aggregates of an alert window, computed from its per-destination state: distinct
 * sessions (not the seed query's join rows), bytes, time span, and interval statistics from
 * exact timestamps.
 */
public final class ConnectionStats implements AggregateView {
    private final Map<Aggregate, Object> values = new EnumMap<>(Aggregate.class);

    /** Aggregates over the given destinations, observed from the first to the last session. */
    public ConnectionStats(List<DestinationStats> destinations, CompiledPattern pattern) {
        this(destinations, pattern, Long.MIN_VALUE, Long.MIN_VALUE);
    }

    /**
     * Aggregates over the given destinations observed over [spanStart, spanEnd] (epoch millis; the
     * alert window); {@code pattern} supplies the BeaconLikely rule, or null to skip it.
     */
    public ConnectionStats(List<DestinationStats> destinations, CompiledPattern pattern, long spanStart, long spanEnd) {
        long count = 0;
        long strong = 0;
        long out = 0;
        long in = 0;
        boolean bytes = false;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        double entropySum = 0;
        long entropyCount = 0;
        double entropyMax = 0;
        long entropyHigh = 0;
        int nTimes = 0;
        Double beaconWindowMax = null;
        for (DestinationStats d : destinations) {
            if (d.beaconWindowMax != null && (beaconWindowMax == null || d.beaconWindowMax > beaconWindowMax)) {
                beaconWindowMax = d.beaconWindowMax;
            }
            count += d.count;
            strong += d.strong;
            out += d.bytesOut;
            in += d.bytesIn;
            bytes |= d.bytesObserved;
            first = Math.min(first, d.first);
            last = Math.max(last, d.last);
            entropySum += d.entropySum;
            entropyCount += d.entropyCount;
            entropyMax = Math.max(entropyMax, d.entropyMax);
            entropyHigh += d.entropyHigh;
            nTimes += d.timesSize;
        }
        values.put(Aggregate.CONNECTIONS_COUNT, count);
        if (beaconWindowMax != null) {
            values.put(Aggregate.BEACON_WINDOW_MAX_SCORE, beaconWindowMax);
        }
        if (pattern != null && pattern.hasStrongEvidence()) {
            values.put(Aggregate.CONNECTIONS_STRONG, strong);
        }
        values.put(Aggregate.DESTINATIONS_COUNT, (long) destinations.size());
        values.put(Aggregate.BYTES_OBSERVED, bytes);
        values.put(Aggregate.ENTROPY_OBSERVED, entropyCount > 0);
        if (bytes) {
            values.put(Aggregate.CONNECTIONS_BYTES_OUT, out);
            values.put(Aggregate.CONNECTIONS_BYTES_IN, in);
            values.put(Aggregate.CONNECTIONS_BYTES_TOTAL, out + in);
            values.put(Aggregate.CONNECTIONS_DATA_MB, Math.round((out + in) / 1048576.0 * 100) / 100.0);
            values.put(Aggregate.CONNECTIONS_ASYMMETRY_RATIO, out / (double) Math.max(1, in));
        }
        if (entropyCount > 0) {
            values.put(Aggregate.ENTROPY_MEAN, entropySum / entropyCount);
            values.put(Aggregate.ENTROPY_MAX, entropyMax);
            if (pattern != null && !Double.isNaN(DestinationStats.highEntropyThreshold(pattern.parameters()))) {
                values.put(Aggregate.ENTROPY_HIGH_SESSIONS, entropyHigh);
            }
        }
        if (count == 0) {
            return;
        }
        values.put(Aggregate.CONNECTIONS_FIRST, first);
        values.put(Aggregate.CONNECTIONS_LAST, last);
        values.put(Aggregate.CONNECTIONS_DURATION_SECONDS, (last - first) / 1000.0);
        long minutes = Math.floorDiv(last, 60_000L) - Math.floorDiv(first, 60_000L);
        values.put(Aggregate.CONNECTIONS_DURATION_MINUTES, minutes);
        values.put(Aggregate.INTERVALS_KQL_AVG_SECONDS, count > 1 ? minutes * 60.0 / (count - 1) : 0.0);
        intervals(destinations, nTimes, pattern);
        long from = spanStart == Long.MIN_VALUE ? first : spanStart;
        long to = spanEnd == Long.MIN_VALUE ? last : spanEnd;
        Double best = null;
        for (DestinationStats d : destinations) {
            Double score = d.beaconScore(from, to).total();
            if (score != null && (best == null || score > best)) {
                best = score;
            }
        }
        if (best != null) {
            values.put(Aggregate.BEACON_SCORE, best);
        }
    }

    private void intervals(List<DestinationStats> destinations, int nTimes, CompiledPattern pattern) {
        long[] times = new long[nTimes];
        int n = 0;
        for (DestinationStats d : destinations) {
            System.arraycopy(d.times, 0, times, n, d.timesSize);
            n += d.timesSize;
        }
        Arrays.sort(times);
        long count = (Long) values.get(Aggregate.CONNECTIONS_COUNT);
        if (n < 2) {
            values.put(Aggregate.BEACON_LIKELY, false);
            return;
        }
        // Per-destination breakdowns pass no pattern: they report intervals, not the beacon rule.
        double[] gaps = new double[n - 1];
        for (int i = 1; i < n; i++) {
            gaps[i - 1] = (times[i] - times[i - 1]) / 1000.0;
        }
        double mean = (times[n - 1] - times[0]) / 1000.0 / (n - 1);
        double[] sorted = gaps.clone();
        Arrays.sort(sorted);
        double median = median(sorted);
        double[] deviations = new double[gaps.length];
        double var = 0;
        for (int i = 0; i < gaps.length; i++) {
            deviations[i] = Math.abs(gaps[i] - median);
            var += (gaps[i] - mean) * (gaps[i] - mean);
        }
        Arrays.sort(deviations);
        values.put(Aggregate.INTERVALS_MEAN_SECONDS, mean);
        values.put(Aggregate.INTERVALS_MEDIAN_SECONDS, median);
        values.put(Aggregate.INTERVALS_MAD_SECONDS, median(deviations));
        values.put(Aggregate.INTERVALS_CV, mean == 0 ? 0.0 : Math.sqrt(var / gaps.length) / mean);
        if (pattern != null) {
            values.put(Aggregate.BEACON_LIKELY, count >= pattern.beaconMinConnections()
                    && mean >= pattern.beaconMinIntervalSeconds() && mean <= pattern.beaconMaxIntervalSeconds());
        }
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    @Override
    public Object aggregate(Aggregate a) {
        return values.get(a);
    }

    /** Every observed aggregate by its pattern-file name, for the alert. */
    public Map<Aggregate, Object> all() {
        return values;
    }
}
