package org.t1573.detect;

import org.t1573.beacon.BeaconScore;
import java.util.Arrays;
import org.t1573.event.Event;
import org.t1573.pattern.ParameterValues;

/**
 * Keyed state: the sessions of one process to one destination within an alert window. Keeps
 * the session times and sizes (up to {@link #MAX_TIMES}) for interval and beacon statistics.
 */
public class DestinationStats {
    /** Enough for a 60 s beacon over 17 hours; older times are kept, later ones only counted. */
    public static final int MAX_TIMES = 1024;

    public String ip;
    public Integer port;
    public String domain;
    public long count;
    /** Sessions that are evidence enough alone (the pattern's {@code aggregate.strong}). */
    public long strong;
    public long bytesOut;
    public long bytesIn;
    public boolean bytesObserved;
    public long first = Long.MAX_VALUE;
    public long last = Long.MIN_VALUE;
    public long[] times = new long[0];
    /** Bytes sent in each session of {@link #times} (0 where the source reports none). */
    public long[] sizes = new long[0];
    public int timesSize;
    public double entropySum;
    public long entropyCount;
    public double entropyMax;
    /** Sessions whose payload entropy reached the pattern's entropy threshold. */
    public long entropyHigh;
    /** The highest long-window beacon score of the events added (beacon verdicts); null without one. */
    public Double beaconWindowMax;

    public DestinationStats() {}

    /**
     * The entropy (bits per byte) from which a session counts as high-entropy for a pattern: its
     * EntropyThreshold or PayloadEntropyThreshold parameter (the seeds' names), NaN without one.
     */
    public static double highEntropyThreshold(ParameterValues parameters) {
        for (String name : new String[] {"EntropyThreshold", "PayloadEntropyThreshold"}) {
            if (parameters.has(name) && parameters.get(name) instanceof Number) {
                return ((Number) parameters.get(name)).doubleValue();
            }
        }
        return Double.NaN;
    }

    /** Adds a session without counting high-entropy or strong sessions. */
    public void add(Event e) {
        add(e, Double.NaN, false);
    }

    /**
     * Adds a session; one with payload entropy at or above {@code highEntropy} counts as
     * high-entropy, and {@code strongEvidence} counts it among the strong sessions.
     */
    public void add(Event e, double highEntropy, boolean strongEvidence) {
        if (count == 0) {
            ip = e.destinationIp;
            port = e.destinationPort;
        }
        if (domain == null) {
            domain = e.destinationDomain;
        }
        count++;
        if (strongEvidence) {
            strong++;
        }
        if (e.bytesOut != null || e.bytesIn != null) {
            bytesObserved = true;
            bytesOut += e.bytesOut == null ? 0 : e.bytesOut;
            bytesIn += e.bytesIn == null ? 0 : e.bytesIn;
        }
        first = Math.min(first, e.timestamp);
        last = Math.max(last, e.timestamp);
        if (timesSize < MAX_TIMES) {
            if (timesSize == times.length) {
                times = Arrays.copyOf(times, Math.max(8, times.length * 2));
                sizes = Arrays.copyOf(sizes, times.length);
            }
            sizes[timesSize] = e.bytesOut == null ? 0 : e.bytesOut;
            times[timesSize++] = e.timestamp;
        }
        if (e.beaconScore != null && (beaconWindowMax == null || e.beaconScore > beaconWindowMax)) {
            beaconWindowMax = e.beaconScore;
        }
        if (e.payloadEntropy != null) {
            entropySum += e.payloadEntropy;
            entropyCount++;
            entropyMax = Math.max(entropyMax, e.payloadEntropy);
            if (e.payloadEntropy >= highEntropy) {
                entropyHigh++;
            }
        }
    }

    /** The RITA-style beacon score of these sessions over the observed span (epoch millis). */
    public BeaconScore.Result beaconScore(long spanStart, long spanEnd) {
        long[] seconds = new long[timesSize];
        for (int i = 0; i < timesSize; i++) {
            seconds[i] = Math.floorDiv(times[i], 1000L);
        }
        return BeaconScore.score(seconds, Arrays.copyOf(sizes, timesSize), Math.floorDiv(spanStart, 1000L),
                Math.floorDiv(spanEnd, 1000L));
    }
}
