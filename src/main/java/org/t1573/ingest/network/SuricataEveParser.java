package org.t1573.ingest.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.event.EventAction;
import org.t1573.event.EventOutcome;
import org.t1573.ingest.JsonRecords;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.PayloadEntropy;
import org.t1573.ingest.RecordParser;

/**
 * The parser of the "suricata" channel: EVE JSON {@code flow} records become {@code flow} events
 * and {@code tls} records {@code tls_handshake} events, both with the {@code flow_id} as session
 * id so a handshake joins its flow. Other event types (alert, dns, http, stats, ...) give nothing.
 * A base64 {@code payload} (EVE {@code payload: yes}) gives the payload length and its Shannon
 * entropy; a sensor-computed {@code payload_entropy} (bits per byte) is taken as it is.
 */
public final class SuricataEveParser implements RecordParser {
    private static final long serialVersionUID = 1L;

    private static final String SOURCE = "suricata";
    static final String OTHER_TYPE = "event type other than flow and tls";

    /** Suricata's app_proto when protocol detection ran and recognised nothing. */
    private static final Set<String> NO_PROTOCOL = Set.of("failed", "unknown");

    @Override
    public void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        if (record.isBlank()) {
            ignored.accept(BLANK_LINE);
            return;
        }
        JsonNode root = JsonRecords.readObject(record, SOURCE);
        String type = root.path("event_type").asText("");
        if (type.isEmpty()) {
            throw new MalformedRecordException(SOURCE + ": no event_type (not an EVE record?)");
        }
        if (!type.equals("flow") && !type.equals("tls")) {
            ignored.accept(OTHER_TYPE);
            return;
        }
        NetworkFieldReader v = NetworkJsonReader.of(SOURCE + " " + type, root);
        Event e = type.equals("flow") ? flow(v, record) : tls(v, record);
        endpoints(e, v);
        byte[] payload = payload(v);
        e.payloadBytes = payload == null ? null : (long) payload.length;
        e.payloadEntropy = payload == null ? v.doubleValue("payload_entropy") : PayloadEntropy.of(payload);
        out.accept(e);
    }

    /** A flow record is written when the flow ends; its event time is the flow's start. */
    private static Event flow(NetworkFieldReader v, String record) throws MalformedRecordException {
        String flowId = v.text("flow_id");
        Long start = v.time("flow.start");
        Event e = FlowEvents.flow("suricata.flow", SOURCE, start != null ? start : v.requiredTime("timestamp"),
                NetworkIds.of("suricata.flow", flowId, record));
        e.sessionId = flowId;
        e.bytesOut = v.longValue("flow.bytes_toserver");
        e.bytesIn = v.longValue("flow.bytes_toclient");
        e.packetsOut = v.longValue("flow.pkts_toserver");
        e.packetsIn = v.longValue("flow.pkts_toclient");
        Long end = v.time("flow.end");
        e.durationSeconds = start == null || end == null ? null : (end - start) / 1000.0;
        e.connectionState = v.text("flow.state");
        e.outcome = outcome(e.connectionState, e.packetsIn);
        String app = v.text("app_proto");
        e.networkProtocol = app == null || NO_PROTOCOL.contains(app) ? null : app;
        return e;
    }

    /** A flow the server answered and that got past "new" was seen open both ways. */
    private static String outcome(String state, Long packetsToClient) {
        if (state == null || packetsToClient == null) {
            return EventOutcome.UNKNOWN.value();
        }
        return (!"new".equals(state) && packetsToClient > 0 ? EventOutcome.SUCCESS : EventOutcome.UNKNOWN).value();
    }

    private static Event tls(NetworkFieldReader v, String record) throws MalformedRecordException {
        String flowId = v.text("flow_id");
        Event e = new Event();
        e.timestamp = v.requiredTime("timestamp");
        e.id = NetworkIds.of("suricata.tls", flowId, record);
        e.dataset = "suricata.tls";
        e.provider = SOURCE;
        EventAction.TLS_HANDSHAKE.mark(e);
        e.sessionId = flowId;
        e.networkProtocol = "tls";
        e.tlsServerName = v.text("tls.sni");
        e.tlsVersion = v.text("tls.version");
        e.tlsJa3 = v.text("tls.ja3.hash");
        e.tlsJa3s = v.text("tls.ja3s.hash");
        e.tlsJa4 = v.text("tls.ja4");
        e.x509Subject = v.text("tls.subject");
        e.x509Issuer = v.text("tls.issuerdn");
        e.x509SelfIssued = e.x509Subject == null || e.x509Issuer == null ? null : e.x509Subject.equals(e.x509Issuer);
        e.x509NotBefore = v.time("tls.notbefore");
        e.x509NotAfter = v.time("tls.notafter");
        String fingerprint = v.text("tls.fingerprint");
        e.x509Sha1 = fingerprint == null ? null : fingerprint.replace(":", "");
        e.certificateId = e.x509Sha1;
        return e;
    }

    private static void endpoints(Event e, NetworkFieldReader v) throws MalformedRecordException {
        e.sourceIp = v.requiredIp("src_ip");
        e.sourcePort = v.port("src_port");
        e.destinationIp = v.requiredIp("dest_ip");
        e.destinationPort = v.port("dest_port");
        e.networkTransport = FlowEvents.transport(v.text("proto"));
    }

    private static byte[] payload(NetworkFieldReader v) throws MalformedRecordException {
        String payload = v.text("payload");
        if (payload == null) {
            return null;
        }
        try {
            return PayloadEntropy.base64(payload);
        } catch (IllegalArgumentException e) {
            throw v.invalid("payload", payload.length() > 20 ? payload.substring(0, 20) + "..." : payload,
                    "not base64");
        }
    }
}
