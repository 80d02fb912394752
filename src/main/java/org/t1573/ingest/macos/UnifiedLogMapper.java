package org.t1573.ingest.macos;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.t1573.event.Event;
import org.t1573.event.EventAction;
import org.t1573.event.EventOutcome;
import org.t1573.event.NetworkDirection;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.Timestamps;

/**
 * Turns one unified-log entry ({@code log show} JSON, the same keys in both styles) into an
 * {@link Event}: crypto API use ({@code crypto_api}) or a {@code com.apple.network} connection
 * to an endpoint ({@code network_connection}). Other entries give no event.
 *
 * <p>The log names no host, so a process is known by boot session and pid:
 * {@code process.entity_id} is {@code <bootUUID>/<pid>}, unique across hosts because boot UUIDs
 * are random. A shipper that adds {@code host} or {@code hostname} sets {@code host.name}.
 */
final class UnifiedLogMapper {

    static final String SOURCE = "macos";
    static final String DATASET = "macos.unifiedlog";
    private static final String NETWORK_SUBSYSTEM = "com.apple.network";

    private UnifiedLogMapper() {}

    /** A classified entry before its connection is checked against those already seen. */
    record Mapped(Event event, NwConnection connection) {}

    /** The event of an entry, or null for one no analytic uses. */
    static Mapped map(JsonNode entry, String text) throws MalformedRecordException {
        String subsystem = text(entry, "subsystem");
        String sender = lastPart(text(entry, "senderImagePath"));
        String message = text(entry, "eventMessage");
        CryptoApi.Use crypto = CryptoApi.bySender(sender, subsystem, message);
        NwConnection connection = null;
        if (crypto == null && NETWORK_SUBSYSTEM.equals(subsystem)) {
            connection = NwConnection.find(message);
            if (connection == null) {
                crypto = CryptoApi.tlsMessage(text(entry, "category"), message);
            }
        }
        if (crypto == null && connection == null) {
            return null;
        }
        Event e = common(entry, text);
        e.message = message;
        if (crypto != null) {
            cryptoApi(e, crypto, entry);
        } else {
            networkConnection(e, connection);
        }
        return new Mapped(e, connection);
    }

    private static Event common(JsonNode entry, String text) throws MalformedRecordException {
        Event e = new Event();
        String time = text(entry, "timestamp");
        if (time.isEmpty()) {
            throw new MalformedRecordException(SOURCE + ": field timestamp is missing");
        }
        try {
            e.timestamp = Timestamps.toEpochMillis(time);
        } catch (MalformedRecordException ex) {
            throw new MalformedRecordException(SOURCE + ": field timestamp " + ex.getMessage(), ex);
        }
        e.dataset = DATASET;
        e.provider = emptyToNull(text(entry, "subsystem"));
        e.code = emptyToNull(text(entry, "category"));
        e.hostName = emptyToNull(firstText(entry, "hostname", "host"));
        e.processExecutable = emptyToNull(text(entry, "processImagePath"));
        e.processName = emptyToNull(lastPart(e.processExecutable == null ? "" : e.processExecutable));
        e.processPid = number(entry, "processID");
        String boot = emptyToNull(text(entry, "bootUUID"));
        e.processEntityId = boot == null || e.processPid == null ? null : boot + "/" + e.processPid;
        e.id = id(entry, boot, text);
        return e;
    }

    private static void cryptoApi(Event e, CryptoApi.Use crypto, JsonNode entry) throws MalformedRecordException {
        EventAction.CRYPTO_API.mark(e);
        e.cryptoKind = crypto.kind();
        e.dllPath = emptyToNull(text(entry, "senderImagePath"));
        e.dllName = e.dllPath == null ? null : lastPart(e.dllPath);
    }

    private static void networkConnection(Event e, NwConnection c) {
        EventAction.NETWORK_CONNECTION.mark(e);
        e.networkDirection = NetworkDirection.OUTBOUND.value();
        e.outcome = EventOutcome.UNKNOWN.value();
        e.destinationIp = c.ip();
        e.destinationDomain = c.domain();
        e.destinationPort = c.port();
        e.networkTransport = c.transport();
        e.networkProtocol = c.tls() ? "tls" : null;
    }

    /** boot, mach time and thread identify an entry; an entry without them is known by its text. */
    private static String id(JsonNode entry, String boot, String text) {
        JsonNode mach = entry.get("machTimestamp");
        JsonNode thread = entry.get("threadID");
        if (boot != null && mach != null && mach.isNumber() && thread != null && thread.isNumber()) {
            return boot + ":" + mach.asText() + ":" + thread.asText();
        }
        return UUID.nameUUIDFromBytes(text.strip().getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Long number(JsonNode entry, String name) throws MalformedRecordException {
        JsonNode n = entry.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToLong()) {
            throw new MalformedRecordException(SOURCE + ": field " + name + " '" + n.asText() + "' is not a whole number");
        }
        return n.asLong();
    }

    /** A text field, "" when absent; an object or list in its place is malformed, not read as absent. */
    private static String text(JsonNode entry, String name) throws MalformedRecordException {
        JsonNode n = entry.get(name);
        if (n != null && !n.isValueNode()) {
            throw new MalformedRecordException(SOURCE + ": field " + name + " is "
                    + n.getNodeType().name().toLowerCase(Locale.ROOT) + ", expected a single value");
        }
        return n == null || n.isNull() ? "" : n.asText();
    }

    private static String firstText(JsonNode entry, String... names) throws MalformedRecordException {
        for (String name : names) {
            String t = text(entry, name);
            if (!t.isEmpty()) {
                return t;
            }
        }
        return "";
    }

    private static String lastPart(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
