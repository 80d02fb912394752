package org.t1573.event;

/**
 * The {@code event.action} values every parser emits, each with the {@code event.category} it
 * implies, so the two are always set together.
 */
public enum EventAction implements FieldValue {
    PROCESS_START(EventCategory.PROCESS),
    PROCESS_END(EventCategory.PROCESS),
    LIBRARY_LOAD(EventCategory.LIBRARY),
    /** A crypto API call or TLS work a log records (macOS unified log, ESXi daemons). */
    CRYPTO_API(EventCategory.PROCESS),
    NETWORK_CONNECTION(EventCategory.NETWORK),
    LISTEN(EventCategory.NETWORK),
    DNS_QUERY(EventCategory.NETWORK),
    /** A thread started in another process (Sysmon 8, CreateRemoteThread). */
    REMOTE_THREAD(EventCategory.PROCESS),
    /** A process opening another process's memory (Sysmon 10, ProcessAccess). */
    PROCESS_ACCESS(EventCategory.PROCESS),
    /** A network sensor's flow record (Zeek conn, NetFlow, Suricata flow). */
    FLOW(EventCategory.NETWORK),
    TLS_HANDSHAKE(EventCategory.NETWORK),
    /** A certificate or a certificate-chain verdict (Zeek x509, CAPI2). */
    CERTIFICATE(EventCategory.NETWORK),
    /** A daemon's log line kept for context; no category, no analytic correlates on it yet. */
    LOG_MESSAGE(null),
    /** Not a parser's: the beacon stage's verdict on a source and destination pair (beacon.*). */
    BEACON(EventCategory.NETWORK);

    private final EventCategory category;

    EventAction(EventCategory category) {
        this.category = category;
    }

    /** The category, or null. */
    public EventCategory category() {
        return category;
    }

    /** Sets the event's action and category to this one's; returns the event. */
    public Event mark(Event e) {
        e.action = value();
        e.category = category == null ? null : category.value();
        return e;
    }

    /** Whether the event has this action. */
    public boolean matches(Event e) {
        return value().equals(e.action);
    }

    /** A new event of this action. */
    public Event newEvent() {
        return mark(new Event());
    }
}
