package org.t1573.detect;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import org.t1573.event.Event;

/**
 * Keyed state: the open alert window of one pattern and key, in one value. The sets and lists of
 * the window are arrays inside it rather than state of their own: a map state per key costs the
 * heap backend a hash map and an entry per key for each of them, more than their contents for the
 * few sessions, values and evidence of a typical window.
 */
public class WindowState {
    public String alertId;
    public long start;
    public long end;
    /** The condition held; the alert is written once every match of that instant is applied. */
    public boolean pending;
    public boolean emitted;
    /** The window continues the key's last alert (within the pattern's suppress-for): it writes updates. */
    public boolean continues;
    /** Distinct sessions in the window, and how many there were when the condition first held. */
    public long sessions;
    public long sessionsAtTrigger;
    public long evidenceCount;
    /** Something was added after the alert was written: the window closes with an update. */
    public boolean dirty;
    /** The earliest matched event (by time, then id), for the alert's host and process details. */
    public Event first;
    /**
     * The host, user, process and parent as far as the key's description and the matched events
     * tell, first value of each field kept.
     */
    public Event description;
    /**
     * 64-bit hashes of "step:id" of the events applied, sorted: an event in several matches counts
     * once (two events of one window with one hash would need ~2^32 events in it).
     */
    public long[] seen = new long[0];
    /** Values of the summary's distinct() items as "name U+001F value", sorted. */
    public String[] distinct = new String[0];
    /** Sessions per destination (address and port), in order of arrival. */
    public DestinationStats[] destinations = new DestinationStats[0];
    /** The earliest evidence, in evidence order, at most the alert window's limit. */
    public Evidence[] evidence = new Evidence[0];

    public WindowState() {}

    /** Marks an event of a step as applied; false if it already was. */
    boolean markSeen(int step, String eventId) {
        long h = GroupKey.MURMUR3_128.hashUnencodedChars(step + ":" + eventId).asLong();
        int at = Arrays.binarySearch(seen, h);
        if (at >= 0) {
            return false;
        }
        seen = inserted(seen, -at - 1, h);
        return true;
    }

    void addDistinct(String nameAndValue) {
        int at = Arrays.binarySearch(distinct, nameAndValue);
        if (at < 0) {
            String[] grown = Arrays.copyOf(distinct, distinct.length + 1);
            System.arraycopy(distinct, -at - 1, grown, -at, distinct.length + at + 1);
            grown[-at - 1] = nameAndValue;
            distinct = grown;
        }
    }

    /** The statistics of the event's destination, added if new. */
    DestinationStats destinationOf(Event e) {
        for (DestinationStats d : destinations) {
            if (Objects.equals(d.ip, e.destinationIp) && Objects.equals(d.port, e.destinationPort)) {
                return d;
            }
        }
        DestinationStats d = new DestinationStats();
        destinations = Arrays.copyOf(destinations, destinations.length + 1);
        destinations[destinations.length - 1] = d;
        return d;
    }

    /** Keeps the evidence if it is among the {@code max} first in {@code order}. */
    void addEvidence(Evidence v, Comparator<Evidence> order, int max) {
        int at = 0;
        while (at < evidence.length && order.compare(evidence[at], v) <= 0) {
            at++;
        }
        if (at >= max) {
            return;
        }
        Evidence[] grown = Arrays.copyOf(evidence, Math.min(max, evidence.length + 1));
        System.arraycopy(evidence, at, grown, at + 1, grown.length - at - 1);
        grown[at] = v;
        evidence = grown;
    }

    private static long[] inserted(long[] a, int at, long v) {
        long[] grown = new long[a.length + 1];
        System.arraycopy(a, 0, grown, 0, at);
        grown[at] = v;
        System.arraycopy(a, at, grown, at + 1, a.length - at);
        return grown;
    }
}
