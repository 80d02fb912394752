package org.t1573.detect;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.t1573.event.Event;

/**
 * A completed CEP match on its way to the alert window, the end of a key (a process exited), or an
 * event that describes a key (a process started: its command line, parent and user).
 * All events of a match travel together so that their order among records of equal time, which
 * a batch sort does not keep, cannot change the result. Serialized by {@link MatchRecordSerializer}.
 */
@TypeInfo(MatchRecordSerializer.Factory.class)
public class MatchRecord {
    public GroupKey key;
    /** The time of the match's last event, or of the ending event. */
    public long matchTime;
    /** True for the end of the key; {@link #events} is then empty: only the time of the end matters. */
    public boolean end;
    /** True for an event that describes the key: {@link #events} holds it alone, its step -1. */
    public boolean context;
    public Event[] events;
    /** {@code steps[i]} is the step index of {@code events[i]}. */
    public int[] steps;

    public MatchRecord() {}

    public MatchRecord(GroupKey key, long matchTime, boolean end, Event[] events, int[] steps) {
        this(key, matchTime, end, false, events, steps);
    }

    public MatchRecord(GroupKey key, long matchTime, boolean end, boolean context, Event[] events, int[] steps) {
        this.key = key;
        this.matchTime = matchTime;
        this.end = end;
        this.context = context;
        this.events = events;
        this.steps = steps;
    }

    /**
     * The end of a key, at the ending event's time, without the event: every process exit goes to
     * every pattern's alert window, most of them for keys that never matched.
     */
    public static MatchRecord endOf(Selected s) {
        return new MatchRecord(s.key, s.timestamp, true, new Event[0], new int[0]);
    }

    /** An event that describes its key, with the fields alerts take from it alone. */
    public static MatchRecord contextOf(Selected s) {
        Event described = new Event();
        Event e = s.event();
        described.timestamp = e.timestamp;
        described.id = e.id;
        FieldCopy.fill(described, e, FieldCopy.DESCRIPTION);
        return new MatchRecord(s.key, s.timestamp, false, true, new Event[] {described}, new int[] {-1});
    }

    public GroupKey getKey() {
        return key;
    }
}
