package org.t1573.beacon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.t1573.event.Event;


/**
 * Keyed state of one source and destination pair over a sliding beacon window: the window in
 * {@link BeaconScore#BINS} panes (a day in hours), each pane's sessions aggregated
 * ({@link BeaconPane}), so that the pair is scored as RITA scores a day (intervals, sizes, the 24-bin
 * histogram, duration) without keeping a timestamp per session. Sessions are added in event-time
 * order; panes that leave the window are dropped.
 */
public final class PairBeacon {
    /** The panes in the window, oldest first. A Flink POJO field. */
    public BeaconPane[] panes = new BeaconPane[0];
    /** The last session's time (seconds), for the interval to the next; Long.MIN_VALUE before any. */
    public long lastSession = Long.MIN_VALUE;
    /** Whether a session was added since the pair was last scored. */
    public boolean changed;
    /** Who and where, from the pair's last session: what a verdict names. */
    public String hostName;
    public String processEntityId;
    public String processName;
    public Long processPid;
    public String sourceIp;
    public String destinationIp;
    public Integer destinationPort;

    public PairBeacon() {}

    /** Adds a session at {@code millis} that sent {@code bytes}; panes are {@code paneMillis} long. */
    public void add(long millis, long bytes, long paneMillis) {
        long index = Math.floorDiv(millis, paneMillis);
        long seconds = Math.floorDiv(millis, 1000L);
        drop(index - BeaconScore.BINS);
        BeaconPane pane = panes.length == 0 ? null : panes[panes.length - 1];
        if (pane == null || pane.index != index) {
            pane = new BeaconPane(index);
            pane.first = seconds;
            pane.entryInterval = lastSession == Long.MIN_VALUE ? 0 : seconds - lastSession;
            panes = Arrays.copyOf(panes, panes.length + 1);
            panes[panes.length - 1] = pane;
        } else if (seconds > lastSession) {
            pane.intervals.add(seconds - lastSession);
        }
        pane.sessions++;
        pane.last = seconds;
        pane.sizes.add(bytes);
        lastSession = Math.max(lastSession, seconds);
        changed = true;
    }

    /** Takes who and where from {@code e}, a session of the pair. */
    public void describe(Event e) {
        hostName = e.hostName;
        processEntityId = e.processEntityId;
        processName = e.processName;
        processPid = e.processPid;
        sourceIp = e.sourceIp;
        destinationIp = e.destinationIp;
        destinationPort = e.destinationPort;
    }

    /** Whether no pane is left after dropping those that end before pane {@code oldestKept}. */
    public boolean isEmptyFrom(long oldestKept) {
        drop(oldestKept - 1);
        return panes.length == 0;
    }

    /** The sessions in the window that ends where pane {@code endIndex} starts. */
    public long sessions(long endIndex) {
        long n = 0;
        for (BeaconPane p : panes) {
            if (p.index >= endIndex - BeaconScore.BINS && p.index < endIndex) {
                n += p.sessions;
            }
        }
        return n;
    }

    /**
     * The pair's score over the window of {@link BeaconScore#BINS} panes ending where pane
     * {@code endIndex} starts: intervals whose earlier session lies before the window are left out,
     * as RITA sees only the window's sessions.
     */
    public BeaconScore.Result score(long endIndex, long paneMillis) {
        long startIndex = endIndex - BeaconScore.BINS;
        long windowStart = Math.floorDiv(startIndex * paneMillis, 1000L);
        // Merged exactly (not into one more bounded histogram): only the panes' own bins approximate.
        List<double[]> intervals = new ArrayList<>();
        List<double[]> sizes = new ArrayList<>();
        int[] histogram = new int[BeaconScore.BINS];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (BeaconPane p : panes) {
            if (p.index < startIndex || p.index >= endIndex) {
                continue;
            }
            intervals.add(p.intervals.sortedValues());
            if (p.entryInterval > 0 && p.first - p.entryInterval >= windowStart) {
                intervals.add(new double[] {p.entryInterval});
            }
            sizes.add(p.sizes.sortedValues());
            histogram[(int) (p.index - startIndex)] = p.sessions;
            first = Math.min(first, p.first);
            last = Math.max(last, p.last);
        }
        if (first == Long.MAX_VALUE) {
            return new BeaconScore.Result(null, 0, 0, 0, 0);
        }
        long span = Math.floorDiv(BeaconScore.BINS * paneMillis, 1000L);
        return BeaconScore.score(new BeaconScore.Features(sorted(intervals), sorted(sizes), histogram, first, last,
                span));
    }

    private static double[] sorted(List<double[]> parts) {
        double[] all = new double[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (double[] a : parts) {
            System.arraycopy(a, 0, all, at, a.length);
            at += a.length;
        }
        Arrays.sort(all);
        return all;
    }

    private void drop(long lastDropped) {
        int keep = 0;
        while (keep < panes.length && panes[keep].index <= lastDropped) {
            keep++;
        }
        if (keep > 0) {
            panes = Arrays.copyOfRange(panes, keep, panes.length);
        }
    }
}
