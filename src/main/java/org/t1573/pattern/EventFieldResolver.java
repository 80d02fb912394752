package org.t1573.pattern;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.t1573.event.Event;
import org.t1573.event.EventField;
import org.t1573.event.FieldType;

/**
 * The fields a step predicate or a {@code group-by} may name: every {@link EventField}, plus
 * {@code process.instance}, which tells process instances apart (ProcessGuid where the source has
 * one, else host + pid + process start), so a reused pid never joins two processes.
 */
public final class EventFieldResolver implements FieldResolver<Event> {
    private static final long serialVersionUID = 1L;

    public static final String PROCESS_INSTANCE = "process.instance";

    public static final EventFieldResolver INSTANCE = new EventFieldResolver();

    private EventFieldResolver() {}

    @Override
    public FieldAccess<Event> resolve(String name) {
        if (PROCESS_INSTANCE.equals(name)) {
            return new FieldAccess<>(name, FieldType.STRING, Event::processKey);
        }
        EventField f = EventField.byName(name);
        return f == null ? null : new FieldAccess<>(name, f.type(), f::get, f.vocabulary());
    }

    @Override
    public Collection<String> names() {
        List<String> names = new ArrayList<>(EventField.all().keySet());
        names.add(PROCESS_INSTANCE);
        return names;
    }
}
