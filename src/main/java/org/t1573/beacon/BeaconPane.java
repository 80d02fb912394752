package org.t1573.beacon;

/**
 * One step of a pair's beacon window (1/24 of it: one of RITA's histogram bins): its sessions'
 * count, first and last time, the intervals between them and their sizes. A Flink POJO.
 */
public final class BeaconPane {
    /** The pane's number: its start over the pane length. */
    public long index;
    public int sessions;
    /** Seconds. */
    public long first;
    public long last;
    /** Seconds from the session before this pane's first (in an earlier pane); 0 when none. */
    public long entryInterval;
    /** Non-zero intervals between this pane's sessions, seconds. */
    public CompactHistogram intervals = new CompactHistogram();
    /** Bytes sent per session. */
    public CompactHistogram sizes = new CompactHistogram();

    public BeaconPane() {}

    BeaconPane(long index) {
        this.index = index;
    }
}
