package org.t1573.detect;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.t1573.event.Event;

/**
 * An event that satisfied at least one step of a pattern (or ends or describes one of its keys), marked with
 * which steps, and keyed by the pattern's group-by. CEP conditions test the marks, so step
 * predicates run once per event, before the shuffle.
 *
 * <p>The event travels encoded ({@link EncodedEvent}) with its time and a hash of its id beside
 * it: CEP orders records by those and tests the marks, so the events of records that complete no match, nearly
 * all of them, are never decoded after select, on the shuffle, in the BATCH sort or in state.
 * Serialized by {@link SelectedSerializer}.
 */
@TypeInfo(SelectedSerializer.Factory.class)
public class Selected {
    /** The pattern's group-by key. */
    public final GroupKey key;
    /** Bit i set: the event satisfies step i. */
    public final int steps;
    /** The event ends the key's life (ends-on). */
    public final boolean ends;
    /** The event describes the key for its alerts (the pattern's context). */
    public final boolean context;
    /** The event's time. */
    public final long timestamp;
    /** A hash of the event's id: orders events of one time without decoding them. */
    public final long idHash;
    private final EncodedEvent event;

    /** A selected event; the copies of one event for several patterns share {@code event}. */
    Selected(GroupKey key, int steps, boolean ends, boolean context, Event e, EncodedEvent event) {
        this(key, steps, ends, context, e.timestamp, idHash(e.id), event);
    }

    Selected(GroupKey key, int steps, boolean ends, boolean context, long timestamp, long idHash,
            EncodedEvent event) {
        this.key = key;
        this.steps = steps;
        this.ends = ends;
        this.context = context;
        this.timestamp = timestamp;
        this.idHash = idHash;
        this.event = event;
    }

    /** A selected event of its own (tests, and callers without other copies). */
    public Selected(GroupKey key, int steps, boolean ends, Event e) {
        this(key, steps, ends, false, e, EncodedEvent.of(e));
    }

    /** The hash {@link #idHash} holds; 0 for an event without an id. */
    static long idHash(String id) {
        return id == null ? 0 : GroupKey.MURMUR3_128.hashUnencodedChars(id).asLong();
    }

    public GroupKey getKey() {
        return key;
    }

    /** The event: the instance selected, or, past a shuffle, a new instance decoded on every call. */
    public Event event() {
        return event.event();
    }

    /** The event as bytes, for the serializer. */
    byte[] encoded() {
        return event.bytes();
    }
}
