package org.t1573.detect;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.t1573.event.Event;

/**
 * An event that satisfied at least one step of a pattern (or ends one of its keys), marked with
 * which steps, and keyed by the pattern's group-by. CEP conditions test the marks, so step
 * predicates run once per event, before the shuffle. Serialized by {@link SelectedSerializer}.
 */
@TypeInfo(SelectedSerializer.Factory.class)
public class Selected {
    /** The pattern's group-by key. */
    public String key;
    /** Bit i set: the event satisfies step i. */
    public int steps;
    /** The event ends the key's life (ends-on). */
    public boolean ends;
    public Event event;

    public Selected() {}

    public Selected(String key, int steps, boolean ends, Event event) {
        this.key = key;
        this.steps = steps;
        this.ends = ends;
        this.event = event;
    }

    public String getKey() {
        return key;
    }
}
