package org.t1573.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The ECS name, type and accessors of every {@link Event} field. Pattern files, alerts and
 * parsers name fields through this table, so a name means the same thing everywhere.
 */
public enum EventField {
    TIMESTAMP("@timestamp", FieldType.TIME, e -> e.timestamp, (e, v) -> e.timestamp = (Long) v),
    CREATED("event.created", FieldType.TIME, e -> e.created, (e, v) -> e.created = (Long) v),
    ID("event.id", FieldType.STRING, e -> e.id, (e, v) -> e.id = (String) v),
    DATASET("event.dataset", FieldType.STRING, e -> e.dataset, (e, v) -> e.dataset = (String) v),
    ACTION("event.action", FieldType.STRING, e -> e.action, (e, v) -> e.action = (String) v),
    CATEGORY("event.category", FieldType.STRING, e -> e.category, (e, v) -> e.category = (String) v),
    CODE("event.code", FieldType.STRING, e -> e.code, (e, v) -> e.code = (String) v),
    OUTCOME("event.outcome", FieldType.STRING, e -> e.outcome, (e, v) -> e.outcome = (String) v),
    PROVIDER("event.provider", FieldType.STRING, e -> e.provider, (e, v) -> e.provider = (String) v),

    HOST_NAME("host.name", FieldType.STRING, e -> e.hostName, (e, v) -> e.hostName = (String) v),
    HOST_ID("host.id", FieldType.STRING, e -> e.hostId, (e, v) -> e.hostId = (String) v),
    HOST_IP("host.ip", FieldType.IP, e -> e.hostIp, (e, v) -> e.hostIp = (String) v),
    USER_NAME("user.name", FieldType.STRING, e -> e.userName, (e, v) -> e.userName = (String) v),

    PROCESS_ENTITY_ID("process.entity_id", FieldType.STRING, e -> e.processEntityId, (e, v) -> e.processEntityId = (String) v),
    PROCESS_PID("process.pid", FieldType.LONG, e -> e.processPid, (e, v) -> e.processPid = (Long) v),
    PROCESS_NAME("process.name", FieldType.STRING, e -> e.processName, (e, v) -> e.processName = (String) v),
    PROCESS_EXECUTABLE("process.executable", FieldType.STRING, e -> e.processExecutable, (e, v) -> e.processExecutable = (String) v),
    PROCESS_COMMAND_LINE("process.command_line", FieldType.STRING, e -> e.processCommandLine, (e, v) -> e.processCommandLine = (String) v),
    PROCESS_HASH_SHA256("process.hash.sha256", FieldType.STRING, e -> e.processHashSha256, (e, v) -> e.processHashSha256 = (String) v),
    PROCESS_START("process.start", FieldType.TIME, e -> e.processStart, (e, v) -> e.processStart = (Long) v),
    PARENT_ENTITY_ID("process.parent.entity_id", FieldType.STRING, e -> e.parentEntityId, (e, v) -> e.parentEntityId = (String) v),
    PARENT_PID("process.parent.pid", FieldType.LONG, e -> e.parentPid, (e, v) -> e.parentPid = (Long) v),
    PARENT_NAME("process.parent.name", FieldType.STRING, e -> e.parentName, (e, v) -> e.parentName = (String) v),
    PARENT_EXECUTABLE("process.parent.executable", FieldType.STRING, e -> e.parentExecutable, (e, v) -> e.parentExecutable = (String) v),

    DLL_NAME("dll.name", FieldType.STRING, e -> e.dllName, (e, v) -> e.dllName = (String) v),
    DLL_PATH("dll.path", FieldType.STRING, e -> e.dllPath, (e, v) -> e.dllPath = (String) v),
    DLL_SIGNED("dll.code_signature.exists", FieldType.BOOLEAN, e -> e.dllSigned, (e, v) -> e.dllSigned = (Boolean) v),
    DLL_SIGNATURE_STATUS("dll.code_signature.status", FieldType.STRING, e -> e.dllSignatureStatus, (e, v) -> e.dllSignatureStatus = (String) v),
    CRYPTO_KIND("crypto.kind", FieldType.STRING, e -> e.cryptoKind, (e, v) -> e.cryptoKind = (String) v),

    SOURCE_IP("source.ip", FieldType.IP, e -> e.sourceIp, (e, v) -> e.sourceIp = (String) v),
    SOURCE_PORT("source.port", FieldType.LONG, e -> toLong(e.sourcePort), (e, v) -> e.sourcePort = toInt(v)),
    DESTINATION_IP("destination.ip", FieldType.IP, e -> e.destinationIp, (e, v) -> e.destinationIp = (String) v),
    DESTINATION_PORT("destination.port", FieldType.LONG, e -> toLong(e.destinationPort), (e, v) -> e.destinationPort = toInt(v)),
    DESTINATION_DOMAIN("destination.domain", FieldType.STRING, e -> e.destinationDomain, (e, v) -> e.destinationDomain = (String) v),
    NETWORK_TRANSPORT("network.transport", FieldType.STRING, e -> e.networkTransport, (e, v) -> e.networkTransport = (String) v),
    NETWORK_PROTOCOL("network.protocol", FieldType.STRING, e -> e.networkProtocol, (e, v) -> e.networkProtocol = (String) v),
    NETWORK_DIRECTION("network.direction", FieldType.STRING, e -> e.networkDirection, (e, v) -> e.networkDirection = (String) v),
    BYTES_OUT("network.bytes_out", FieldType.LONG, e -> e.bytesOut, (e, v) -> e.bytesOut = (Long) v),
    BYTES_IN("network.bytes_in", FieldType.LONG, e -> e.bytesIn, (e, v) -> e.bytesIn = (Long) v),
    /** Derived: bytes out per byte in (bytes in counted as at least 1); null unless both are known. */
    ASYMMETRY_RATIO("network.asymmetry_ratio", FieldType.DOUBLE,
            e -> e.bytesOut == null || e.bytesIn == null ? null : e.bytesOut / (double) Math.max(1, e.bytesIn)),
    PACKETS_OUT("network.packets_out", FieldType.LONG, e -> e.packetsOut, (e, v) -> e.packetsOut = (Long) v),
    PACKETS_IN("network.packets_in", FieldType.LONG, e -> e.packetsIn, (e, v) -> e.packetsIn = (Long) v),
    DURATION("network.duration", FieldType.DOUBLE, e -> e.durationSeconds, (e, v) -> e.durationSeconds = (Double) v),
    /** Derived: network.duration in milliseconds, to compare with duration parameters (HandshakeTimeout: 10s). */
    DURATION_MILLIS("network.duration_ms", FieldType.LONG,
            e -> e.durationSeconds == null ? null : Math.round(e.durationSeconds * 1000)),
    PAYLOAD_ENTROPY("network.payload_entropy", FieldType.DOUBLE, e -> e.payloadEntropy, (e, v) -> e.payloadEntropy = (Double) v),
    SESSION_ID("network.session_id", FieldType.STRING, e -> e.sessionId, (e, v) -> e.sessionId = (String) v),
    CONNECTION_STATE("network.connection_state", FieldType.STRING, e -> e.connectionState, (e, v) -> e.connectionState = (String) v),
    PAYLOAD_BYTES("network.payload_bytes", FieldType.LONG, e -> e.payloadBytes, (e, v) -> e.payloadBytes = (Long) v),

    TLS_VERSION("tls.version", FieldType.STRING, e -> e.tlsVersion, (e, v) -> e.tlsVersion = (String) v),
    TLS_CIPHER("tls.cipher", FieldType.STRING, e -> e.tlsCipher, (e, v) -> e.tlsCipher = (String) v),
    TLS_SERVER_NAME("tls.client.server_name", FieldType.STRING, e -> e.tlsServerName, (e, v) -> e.tlsServerName = (String) v),
    TLS_ESTABLISHED("tls.established", FieldType.BOOLEAN, e -> e.tlsEstablished, (e, v) -> e.tlsEstablished = (Boolean) v),
    TLS_JA3("tls.client.ja3", FieldType.STRING, e -> e.tlsJa3, (e, v) -> e.tlsJa3 = (String) v),
    TLS_JA3S("tls.server.ja3s", FieldType.STRING, e -> e.tlsJa3s, (e, v) -> e.tlsJa3s = (String) v),
    TLS_JA4("tls.client.ja4", FieldType.STRING, e -> e.tlsJa4, (e, v) -> e.tlsJa4 = (String) v),
    TLS_VALIDATION_STATUS("tls.validation_status", FieldType.STRING, e -> e.tlsValidationStatus, (e, v) -> e.tlsValidationStatus = (String) v),
    X509_SUBJECT("tls.server.x509.subject.distinguished_name", FieldType.STRING, e -> e.x509Subject, (e, v) -> e.x509Subject = (String) v),
    X509_ISSUER("tls.server.x509.issuer.distinguished_name", FieldType.STRING, e -> e.x509Issuer, (e, v) -> e.x509Issuer = (String) v),
    X509_NOT_BEFORE("tls.server.x509.not_before", FieldType.TIME, e -> e.x509NotBefore, (e, v) -> e.x509NotBefore = (Long) v),
    X509_NOT_AFTER("tls.server.x509.not_after", FieldType.TIME, e -> e.x509NotAfter, (e, v) -> e.x509NotAfter = (Long) v),
    X509_SHA1("tls.server.hash.sha1", FieldType.STRING, e -> e.x509Sha1, (e, v) -> e.x509Sha1 = (String) v),
    TLS_LAST_ALERT("tls.last_alert", FieldType.STRING, e -> e.tlsLastAlert, (e, v) -> e.tlsLastAlert = (String) v),
    CERTIFICATE_ID("tls.server.certificate_id", FieldType.STRING, e -> e.certificateId, (e, v) -> e.certificateId = (String) v),
    X509_KEY_LENGTH("tls.server.x509.public_key_size", FieldType.LONG, e -> e.x509KeyLength, (e, v) -> e.x509KeyLength = (Long) v),
    X509_SELF_ISSUED("tls.server.x509.self_issued", FieldType.BOOLEAN, e -> e.x509SelfIssued, (e, v) -> e.x509SelfIssued = (Boolean) v),
    /** Derived: days from not_before to not_after (odd lifetimes: hours-old test certs, 100-year self-signed). */
    X509_VALIDITY_DAYS("tls.server.x509.validity_days", FieldType.DOUBLE,
            e -> e.x509NotBefore == null || e.x509NotAfter == null ? null : (e.x509NotAfter - e.x509NotBefore) / 86_400_000.0),
    /** Derived: days from not_before to the event (negative: not yet valid; freshly minted C2 certs are young). */
    X509_AGE_DAYS("tls.server.x509.age_days", FieldType.DOUBLE,
            e -> e.x509NotBefore == null ? null : (e.timestamp - e.x509NotBefore) / 86_400_000.0),

    MESSAGE("message", FieldType.STRING, e -> e.message, (e, v) -> e.message = (String) v);

    private static final Map<String, EventField> BY_NAME;

    static {
        Map<String, EventField> m = new LinkedHashMap<>();
        for (EventField f : values()) {
            m.put(f.ecsName, f);
        }
        BY_NAME = Collections.unmodifiableMap(m);
    }

    private final String ecsName;
    private final FieldType type;
    private final Function<Event, Object> getter;
    private final BiConsumer<Event, Object> setter;
    private final boolean derived;

    EventField(String ecsName, FieldType type, Function<Event, Object> getter, BiConsumer<Event, Object> setter) {
        this.ecsName = ecsName;
        this.type = type;
        this.getter = getter;
        this.setter = setter;
        this.derived = false;
    }

    /** A derived field: computed from others, never set, never serialized. */
    EventField(String ecsName, FieldType type, Function<Event, Object> getter) {
        this.ecsName = ecsName;
        this.type = type;
        this.getter = getter;
        this.setter = (e, v) -> { };
        this.derived = true;
    }

    public String ecsName() {
        return ecsName;
    }

    public FieldType type() {
        return type;
    }

    /** The field's value, or null when the source did not carry it; ports are returned as Long. */
    public Object get(Event e) {
        return getter.apply(e);
    }

    /** Sets the field; the value must be of the field's Java type (Long for LONG and TIME). */
    public void set(Event e, Object value) {
        setter.accept(e, value);
    }

    /** Computed from other fields (setting it does nothing). */
    public boolean derived() {
        return derived;
    }

    /** The field with this ECS name, or null. */
    public static EventField byName(String ecsName) {
        return BY_NAME.get(ecsName);
    }

    public static Map<String, EventField> all() {
        return BY_NAME;
    }

    /** The non-null fields of an event as {@code name=value} pairs, for logs and test failures. */
    public static String describe(Event e) {
        StringJoiner j = new StringJoiner(", ");
        for (EventField f : values()) {
            Object v = f.get(e);
            if (v != null) {
                j.add(f.ecsName + '=' + v);
            }
        }
        return j.toString();
    }

    private static Long toLong(Integer v) {
        return v == null ? null : v.longValue();
    }

    private static Integer toInt(Object v) {
        return v == null ? null : ((Number) v).intValue();
    }
}
