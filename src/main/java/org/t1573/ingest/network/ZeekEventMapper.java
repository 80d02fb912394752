package org.t1573.ingest.network;

import java.util.Locale;
import java.util.Set;
import org.t1573.event.Event;
import org.t1573.event.EventAction;
import org.t1573.event.EventOutcome;
import org.t1573.event.NetworkDirection;
import org.t1573.ingest.MalformedRecordException;

/**
 * Turns the values of one Zeek conn, ssl or x509 record into an event, whichever writer (TSV or
 * JSON) produced it. Field names are Zeek's dotted names; the JSON reader resolves the
 * flattened spellings ({@code id_orig_h}) to them.
 */
final class ZeekEventMapper {

    /** Connection states where the responder never answered or refused the connection. */
    private static final Set<String> FAILED_STATES = Set.of("S0", "REJ", "RSTOS0");
    /**
     * Midstream or one-sided views (the LSASS capture saw only the responder: SHR, OTH): the
     * sensor cannot tell whether the connection worked.
     */
    private static final Set<String> UNKNOWN_STATES = Set.of("OTH", "SH", "SHR", "RSTRH");

    private ZeekEventMapper() {}

    static Event map(ZeekLogType type, NetworkFieldReader v, String record) throws MalformedRecordException {
        return switch (type) {
            case CONN -> conn(v, record);
            case SSL -> ssl(v, record);
            case X509 -> x509(v, record);
            case OTHER -> throw new IllegalArgumentException("no event for other Zeek logs");
        };
    }

    /** conn.log: one flow; orig is the source, resp the destination. */
    private static Event conn(NetworkFieldReader v, String record) throws MalformedRecordException {
        Event e = session(ZeekLogType.CONN, EventAction.FLOW, v, record);
        e.networkTransport = lower(v.text("proto"));
        e.networkProtocol = lower(v.text("service"));
        e.durationSeconds = v.doubleValue("duration");
        e.bytesOut = v.longValue("orig_bytes");
        e.bytesIn = v.longValue("resp_bytes");
        e.packetsOut = v.longValue("orig_pkts");
        e.packetsIn = v.longValue("resp_pkts");
        e.connectionState = v.text("conn_state");
        String history = v.text("history");
        e.outcome = outcome(e.connectionState, history);
        e.payloadSeen = payloadSeen(history, v.longValue("missed_bytes"));
        e.networkDirection = direction(v.bool("local_orig"), v.bool("local_resp"));
        // Not a stock conn.log field: written by entropy scripts that add it to the record.
        e.payloadEntropy = v.doubleValue("payload_entropy");
        return e;
    }

    /**
     * ssl.log: one handshake, linked to its conn record by uid and to its certificate by file id.
     * The transport is left unset: ssl.log logs DTLS over UDP as well and does not say which.
     */
    private static Event ssl(NetworkFieldReader v, String record) throws MalformedRecordException {
        Event e = session(ZeekLogType.SSL, EventAction.TLS_HANDSHAKE, v, record);
        e.tlsVersion = v.text("version");
        e.tlsCipher = v.text("cipher");
        e.tlsServerName = v.text("server_name");
        e.tlsEstablished = v.bool("established");
        e.tlsJa3 = v.text("ja3");
        e.tlsJa3s = v.text("ja3s");
        e.tlsValidationStatus = v.text("validation_status");
        e.tlsLastAlert = v.text("last_alert");
        e.outcome = handshakeOutcome(e.tlsEstablished, e.tlsLastAlert);
        e.x509Sha1 = v.text("resp_certificate_sha1");
        e.certificateId = firstPresent(v.firstElement("cert_chain_fuids"), v.firstElement("cert_chain_fps"));
        issuedBy(e, v.text("subject"), v.text("issuer"));
        return e;
    }

    /** x509.log: a server certificate; Zeek writes no session fields here, only the file id or fingerprint. */
    private static Event x509(NetworkFieldReader v, String record) throws MalformedRecordException {
        Event e = new Event();
        e.timestamp = v.requiredTime("ts");
        String fileId = v.text("id");
        e.id = NetworkIds.of(ZeekLogType.X509.dataset(), fileId, record);
        base(e, ZeekLogType.X509, EventAction.CERTIFICATE);
        e.certificateId = firstPresent(fileId, v.text("fingerprint"));
        issuedBy(e, v.text("certificate.subject"), v.text("certificate.issuer"));
        e.x509NotBefore = v.time("certificate.not_valid_before");
        e.x509NotAfter = v.time("certificate.not_valid_after");
        e.x509KeyLength = v.longValue("certificate.key_length");
        return e;
    }

    private static Event session(ZeekLogType type, EventAction action, NetworkFieldReader v, String record)
            throws MalformedRecordException {
        Event e = new Event();
        e.timestamp = v.requiredTime("ts");
        e.sessionId = v.text("uid");
        e.id = NetworkIds.of(type.dataset(), e.sessionId, record);
        base(e, type, action);
        e.sourceIp = v.requiredIp("id.orig_h");
        e.sourcePort = v.port("id.orig_p");
        e.destinationIp = v.requiredIp("id.resp_h");
        e.destinationPort = v.port("id.resp_p");
        return e;
    }

    private static void base(Event e, ZeekLogType type, EventAction action) {
        e.dataset = type.dataset();
        action.mark(e);
        e.provider = "zeek";
    }

    private static void issuedBy(Event e, String subject, String issuer) {
        e.x509Subject = subject;
        e.x509Issuer = issuer;
        e.x509SelfIssued = subject == null || issuer == null ? null : subject.equals(issuer);
    }

    /**
     * Success only where the sensor saw the connection open: an established state and, when
     * Zeek wrote the history, the originator's SYN ('S') in it; a midstream pickup ("hDaAR")
     * is unknown even if its state says established.
     */
    private static String outcome(String state, String history) {
        if (state == null || UNKNOWN_STATES.contains(state)) {
            return EventOutcome.UNKNOWN.value();
        }
        if (FAILED_STATES.contains(state)) {
            return EventOutcome.FAILURE.value();
        }
        return (history == null || history.indexOf('S') >= 0 ? EventOutcome.SUCCESS : EventOutcome.UNKNOWN).value();
    }

    /**
     * Whether Zeek saw payload packets from both sides ('D' and 'd' in the history) and missed no
     * bytes in content gaps. Zeek counts orig_bytes and resp_bytes from sequence numbers, so a
     * session can report bytes whose packets the sensor never saw (packet loss, asymmetric
     * routing): its protocol analysers then had nothing to recognise. Null without a history.
     */
    static Boolean payloadSeen(String history, Long missedBytes) {
        if (history == null) {
            return null;
        }
        boolean bothWays = history.indexOf('D') >= 0 && history.indexOf('d') >= 0;
        return bothWays && (missedBytes == null || missedBytes == 0);
    }

    /**
     * Established is success; not established is a failure only when a TLS alert says so (the
     * client rejected the certificate): otherwise the sensor may just have missed the end of the
     * handshake, as in one-sided captures.
     */
    private static String handshakeOutcome(Boolean established, String lastAlert) {
        if (Boolean.TRUE.equals(established)) {
            return EventOutcome.SUCCESS.value();
        }
        return (lastAlert != null ? EventOutcome.FAILURE : EventOutcome.UNKNOWN).value();
    }

    /** Zeek's local_orig/local_resp (from Site::local_nets): only a local-to-remote pair has a direction. */
    private static String direction(Boolean localOrig, Boolean localResp) {
        if (localOrig == null || localResp == null || localOrig.equals(localResp)) {
            return null;
        }
        return NetworkDirection.of(localOrig).value();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String firstPresent(String a, String b) {
        return a != null ? a : b;
    }
}
