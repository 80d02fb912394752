package org.t1573.ingest.linux;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.t1573.event.Event;

/**
 * The {@code event.action} values the Linux parsers emit, with their {@code event.category}, and
 * the stable ids of records that carry no record number of their own.
 */
enum LinuxEvents {
    PROCESS_START("process_start", "process"),
    PROCESS_END("process_end", "process"),
    LIBRARY_LOAD("library_load", "library"),
    NETWORK_CONNECTION("network_connection", "network"),
    LISTEN("listen", "network"),
    /** A daemon's syslog line: kept for context, no analytic correlates on it yet. */
    LOG_MESSAGE("log_message", null);

    final String action;
    final String category;

    LinuxEvents(String action, String category) {
        this.action = action;
        this.category = category;
    }

    /** A new event of this kind from the given dataset. */
    Event newEvent(String dataset) {
        return mark(new Event(), dataset);
    }

    /** Makes an event built up field by field (an auditd event) one of this kind. */
    Event mark(Event e, String dataset) {
        e.action = action;
        e.category = category;
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
