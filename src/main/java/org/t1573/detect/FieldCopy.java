package org.t1573.detect;

import java.util.EnumSet;
import java.util.Set;
import org.t1573.event.Event;
import org.t1573.event.EventField;

/** Copies the fields a joined record supplies into an event, where the event lacks them. */
final class FieldCopy {
    /** What a certificate record says about the server certificate. */
    static final Set<EventField> CERTIFICATE = EnumSet.of(EventField.X509_SUBJECT, EventField.X509_ISSUER,
            EventField.X509_NOT_BEFORE, EventField.X509_NOT_AFTER, EventField.X509_SHA1, EventField.X509_KEY_LENGTH,
            EventField.X509_SELF_ISSUED);
    /** What a flow record (Zeek conn, Suricata flow) says of a session that its handshake record does not. */
    static final Set<EventField> FLOW = EnumSet.of(EventField.BYTES_OUT, EventField.BYTES_IN, EventField.PACKETS_OUT,
            EventField.PACKETS_IN, EventField.DURATION, EventField.PAYLOAD_ENTROPY, EventField.PAYLOAD_BYTES,
            EventField.PAYLOAD_SEEN, EventField.CONNECTION_STATE, EventField.NETWORK_TRANSPORT);
    /** What a network sensor knows of a session and a host sensor does not. */
    static final Set<EventField> SESSION;
    /** What a host sensor knows of the process behind a session. */
    static final Set<EventField> PROCESS = EnumSet.of(EventField.HOST_NAME, EventField.HOST_ID, EventField.USER_NAME,
            EventField.PROCESS_ENTITY_ID, EventField.PROCESS_PID, EventField.PROCESS_NAME, EventField.PROCESS_EXECUTABLE,
            EventField.PROCESS_COMMAND_LINE, EventField.PROCESS_HASH_SHA256, EventField.PROCESS_START);
    /** What an alert says of its host and process: the process and its parent, the host and its address. */
    static final Set<EventField> DESCRIPTION = EnumSet.copyOf(PROCESS);

    static {
        Set<EventField> s = EnumSet.copyOf(FLOW);
        s.addAll(EnumSet.of(EventField.SESSION_ID, EventField.NETWORK_PROTOCOL, EventField.TLS_VERSION, EventField.TLS_CIPHER, EventField.TLS_SERVER_NAME, EventField.TLS_ESTABLISHED,
                EventField.TLS_JA3, EventField.TLS_JA3S, EventField.TLS_JA4, EventField.TLS_VALIDATION_STATUS,
                EventField.TLS_LAST_ALERT, EventField.CERTIFICATE_ID));
        s.remove(EventField.NETWORK_TRANSPORT);
        s.addAll(CERTIFICATE);
        SESSION = s;
        DESCRIPTION.addAll(EnumSet.of(EventField.HOST_IP, EventField.PARENT_ENTITY_ID, EventField.PARENT_PID,
                EventField.PARENT_NAME, EventField.PARENT_EXECUTABLE));
    }

    private FieldCopy() {}

    static void fill(Event target, Event source, Set<EventField> fields) {
        for (EventField f : fields) {
            Object v = f.get(source);
            if (v != null && f.get(target) == null) {
                f.set(target, v);
            }
        }
    }
}
