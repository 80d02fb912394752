package org.t1573.ingest.linux;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.t1573.event.Event;
import org.t1573.event.EventAction;

/**
 * What the Linux parsers share: new events of an action and dataset, and the stable ids of
 * records that carry no record number of their own.
 */
final class LinuxEvents {

    private LinuxEvents() {}

    /** A new event of this action from the given dataset. */
    static Event newEvent(EventAction action, String dataset) {
        return mark(action, new Event(), dataset);
    }

    /** Makes an event built up field by field (an auditd event) one of this action. */
    static Event mark(EventAction action, Event e, String dataset) {
        action.mark(e);
        e.dataset = dataset;
        return e;
    }

    /** A name-based UUID of the text: the same record always gets the same id. */
    static String idOf(String text) {
        return UUID.nameUUIDFromBytes(text.strip().getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The part of a path after the last '/', or null for null. */
    static String baseName(String path) {
        return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    }
}
