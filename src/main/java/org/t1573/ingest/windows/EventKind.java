package org.t1573.ingest.windows;

import org.t1573.event.Event;

/**
 * The {@code event.action} and {@code event.category} values the Windows parsers emit. Pattern
 * files match on these exact strings, so every parser takes them from here.
 */
enum EventKind {
    PROCESS_START("process_start", "process"),
    PROCESS_END("process_end", "process"),
    LIBRARY_LOAD("library_load", "library"),
    NETWORK_CONNECTION("network_connection", "network"),
    LISTEN("listen", "network"),
    DNS_QUERY("dns_query", "network"),
    /** A certificate-chain verdict (CAPI2), the "certificate" action x509 records also use. */
    CERTIFICATE("certificate", "network");

    final String action;
    final String category;

    EventKind(String action, String category) {
        this.action = action;
        this.category = category;
    }

    /** A new event of this kind. */
    Event newEvent() {
        Event e = new Event();
        e.action = action;
        e.category = category;
        return e;
    }
}
