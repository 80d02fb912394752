package org.t1573.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The ECS name, type and accessors of every {@link Event} field. Pattern files, alerts and
 * parsers name fields through this table, so a name means the same thing everywhere.
 */
public enum EventField {
    TIMESTAMP("@timestamp", FieldType.TIME, false),
    CREATED("event.created", FieldType.TIME, false),
    ID("event.id", FieldType.STRING, false),
    DATASET("event.dataset", FieldType.STRING, false),
    ACTION("event.action", FieldType.STRING, false),
    CATEGORY("event.category", FieldType.STRING, false),
    CODE("event.code", FieldType.STRING, false),
    OUTCOME("event.outcome", FieldType.STRING, false),
    PROVIDER("event.provider", FieldType.STRING, false),

    HOST_NAME("host.name", FieldType.STRING, false),
    HOST_ID("host.id", FieldType.STRING, false),
    HOST_IP("host.ip", FieldType.IP, false),
    USER_NAME("user.name", FieldType.STRING, false),

    PROCESS_ENTITY_ID("process.entity_id", FieldType.STRING, false),
    PROCESS_PID("process.pid", FieldType.LONG, false),
    PROCESS_NAME("process.name", FieldType.STRING, false),
    PROCESS_EXECUTABLE("process.executable", FieldType.STRING, false),
    PROCESS_COMMAND_LINE("process.command_line", FieldType.STRING, false),
    PROCESS_HASH_SHA256("process.hash.sha256", FieldType.STRING, false),
    PROCESS_START("process.start", FieldType.TIME, false),
    PARENT_ENTITY_ID("process.parent.entity_id", FieldType.STRING, false),
    PARENT_PID("process.parent.pid", FieldType.LONG, false),
    PARENT_NAME("process.parent.name", FieldType.STRING, false),
    PARENT_EXECUTABLE("process.parent.executable", FieldType.STRING, false),

    DLL_NAME("dll.name", FieldType.STRING, false),
    DLL_PATH("dll.path", FieldType.STRING, false),
    DLL_SIGNED("dll.code_signature.exists", FieldType.BOOLEAN, false),
    DLL_SIGNATURE_STATUS("dll.code_signature.status", FieldType.STRING, false),
    CRYPTO_KIND("crypto.kind", FieldType.STRING, false),

    SOURCE_IP("source.ip", FieldType.IP, false),
    SOURCE_PORT("source.port", FieldType.LONG, false),
    DESTINATION_IP("destination.ip", FieldType.IP, false),
    DESTINATION_PORT("destination.port", FieldType.LONG, false),
    DESTINATION_DOMAIN("destination.domain", FieldType.STRING, false),
    NETWORK_TRANSPORT("network.transport", FieldType.STRING, false),
    NETWORK_PROTOCOL("network.protocol", FieldType.STRING, false),
    NETWORK_DIRECTION("network.direction", FieldType.STRING, false),
    BYTES_OUT("network.bytes_out", FieldType.LONG, false),
    BYTES_IN("network.bytes_in", FieldType.LONG, false),
    /** Derived: bytes out per byte in (bytes in counted as at least 1); null unless both are known. */
    ASYMMETRY_RATIO("network.asymmetry_ratio", FieldType.DOUBLE, true),
    PACKETS_OUT("network.packets_out", FieldType.LONG, false),
    PACKETS_IN("network.packets_in", FieldType.LONG, false),
    DURATION("network.duration", FieldType.DOUBLE, false),
    /** Derived: network.duration in milliseconds, to compare with duration parameters (HandshakeTimeout: 10s). */
    DURATION_MILLIS("network.duration_ms", FieldType.LONG, true),
    PAYLOAD_ENTROPY("network.payload_entropy", FieldType.DOUBLE, false),
    SESSION_ID("network.session_id", FieldType.STRING, false),
    CONNECTION_STATE("network.connection_state", FieldType.STRING, false),
    PAYLOAD_BYTES("network.payload_bytes", FieldType.LONG, false),

    TLS_VERSION("tls.version", FieldType.STRING, false),
    TLS_CIPHER("tls.cipher", FieldType.STRING, false),
    TLS_SERVER_NAME("tls.client.server_name", FieldType.STRING, false),
    TLS_ESTABLISHED("tls.established", FieldType.BOOLEAN, false),
    TLS_JA3("tls.client.ja3", FieldType.STRING, false),
    TLS_JA3S("tls.server.ja3s", FieldType.STRING, false),
    TLS_JA4("tls.client.ja4", FieldType.STRING, false),
    TLS_VALIDATION_STATUS("tls.validation_status", FieldType.STRING, false),
    X509_SUBJECT("tls.server.x509.subject.distinguished_name", FieldType.STRING, false),
    X509_ISSUER("tls.server.x509.issuer.distinguished_name", FieldType.STRING, false),
    X509_NOT_BEFORE("tls.server.x509.not_before", FieldType.TIME, false),
    X509_NOT_AFTER("tls.server.x509.not_after", FieldType.TIME, false),
    X509_SHA1("tls.server.hash.sha1", FieldType.STRING, false),
    TLS_LAST_ALERT("tls.last_alert", FieldType.STRING, false),
    CERTIFICATE_ID("tls.server.certificate_id", FieldType.STRING, false),
    X509_KEY_LENGTH("tls.server.x509.public_key_size", FieldType.LONG, false),
    X509_SELF_ISSUED("tls.server.x509.self_issued", FieldType.BOOLEAN, false),
    /** Derived: days from not_before to not_after (odd lifetimes: hours-old test certs, 100-year self-signed). */
    X509_VALIDITY_DAYS("tls.server.x509.validity_days", FieldType.DOUBLE, true),
    /** Derived: days from not_before to the event (negative: not yet valid; freshly minted C2 certs are young). */
    X509_AGE_DAYS("tls.server.x509.age_days", FieldType.DOUBLE, true),

    MESSAGE("message", FieldType.STRING, false),
    // New fields go last: stored events are read by position, so state written before keeps its meaning.
    PAYLOAD_SEEN("network.payload_seen", FieldType.BOOLEAN, false),
    /** A beacon verdict's pair destination: server name, else ip:port. */
    BEACON_DESTINATION("beacon.destination", FieldType.STRING, false),
    /** RITA's beacon score of the pair over the beacon window (BeaconWindow), and its sub-scores. */
    BEACON_SCORE("beacon.window.score", FieldType.DOUBLE, false),
    BEACON_SESSIONS("beacon.window.sessions", FieldType.LONG, false),
    BEACON_TIMESTAMP_SCORE("beacon.window.timestamp_score", FieldType.DOUBLE, false),
    BEACON_SIZE_SCORE("beacon.window.size_score", FieldType.DOUBLE, false),
    BEACON_HISTOGRAM_SCORE("beacon.window.histogram_score", FieldType.DOUBLE, false),
    BEACON_DURATION_SCORE("beacon.window.duration_score", FieldType.DOUBLE, false),
    // Sysmon fields that Sigma rules test (patterns/sigma/field-mapping.csv); ECS names where ECS has
    // the field, else Winlogbeat's winlog.event_data.<Sysmon name>.
    PROCESS_PE_ORIGINAL_FILE_NAME("process.pe.original_file_name", FieldType.STRING, false),
    PROCESS_PE_DESCRIPTION("process.pe.description", FieldType.STRING, false),
    PROCESS_PE_PRODUCT("process.pe.product", FieldType.STRING, false),
    PROCESS_PE_COMPANY("process.pe.company", FieldType.STRING, false),
    PROCESS_PE_FILE_VERSION("process.pe.file_version", FieldType.STRING, false),
    PROCESS_WORKING_DIRECTORY("process.working_directory", FieldType.STRING, false),
    PARENT_COMMAND_LINE("process.parent.command_line", FieldType.STRING, false),
    DLL_PE_ORIGINAL_FILE_NAME("dll.pe.original_file_name", FieldType.STRING, false),
    DLL_PE_DESCRIPTION("dll.pe.description", FieldType.STRING, false),
    DLL_PE_PRODUCT("dll.pe.product", FieldType.STRING, false),
    DLL_PE_COMPANY("dll.pe.company", FieldType.STRING, false),
    DLL_SIGNATURE_SUBJECT("dll.code_signature.subject_name", FieldType.STRING, false),
    SOURCE_DOMAIN("source.domain", FieldType.STRING, false),
    WINLOG_HASHES("winlog.event_data.Hashes", FieldType.STRING, false),
    WINLOG_INTEGRITY_LEVEL("winlog.event_data.IntegrityLevel", FieldType.STRING, false),
    WINLOG_LOGON_ID("winlog.event_data.LogonId", FieldType.STRING, false),
    WINLOG_PARENT_USER("winlog.event_data.ParentUser", FieldType.STRING, false),
    WINLOG_TARGET_IMAGE("winlog.event_data.TargetImage", FieldType.STRING, false),
    WINLOG_TARGET_USER("winlog.event_data.TargetUser", FieldType.STRING, false),
    WINLOG_GRANTED_ACCESS("winlog.event_data.GrantedAccess", FieldType.STRING, false),
    WINLOG_CALL_TRACE("winlog.event_data.CallTrace", FieldType.STRING, false),
    WINLOG_START_ADDRESS("winlog.event_data.StartAddress", FieldType.STRING, false),
    WINLOG_START_MODULE("winlog.event_data.StartModule", FieldType.STRING, false),
    WINLOG_START_FUNCTION("winlog.event_data.StartFunction", FieldType.STRING, false);

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
    private final boolean derived;

    /** {@code derived}: computed from other fields, never set, never serialized. */
    EventField(String ecsName, FieldType type, boolean derived) {
        this.ecsName = ecsName;
        this.type = type;
        this.derived = derived;
    }

    public String ecsName() {
        return ecsName;
    }

    public FieldType type() {
        return type;
    }

    /**
     * The field's value, or null when the source did not carry it; ports are returned as Long.
     * A switch, not a getter per field: one call site for all fields stays monomorphic (select,
     * serializers and alerts read fields by this table on every event).
     */
    public Object get(Event e) {
        return switch (this) {
            case TIMESTAMP -> e.timestamp;
            case CREATED -> e.created;
            case ID -> e.id;
            case DATASET -> e.dataset;
            case ACTION -> e.action;
            case CATEGORY -> e.category;
            case CODE -> e.code;
            case OUTCOME -> e.outcome;
            case PROVIDER -> e.provider;
            case HOST_NAME -> e.hostName;
            case HOST_ID -> e.hostId;
            case HOST_IP -> e.hostIp;
            case USER_NAME -> e.userName;
            case PROCESS_ENTITY_ID -> e.processEntityId;
            case PROCESS_PID -> e.processPid;
            case PROCESS_NAME -> e.processName;
            case PROCESS_EXECUTABLE -> e.processExecutable;
            case PROCESS_COMMAND_LINE -> e.processCommandLine;
            case PROCESS_HASH_SHA256 -> e.processHashSha256;
            case PROCESS_START -> e.processStart;
            case PARENT_ENTITY_ID -> e.parentEntityId;
            case PARENT_PID -> e.parentPid;
            case PARENT_NAME -> e.parentName;
            case PARENT_EXECUTABLE -> e.parentExecutable;
            case DLL_NAME -> e.dllName;
            case DLL_PATH -> e.dllPath;
            case DLL_SIGNED -> e.dllSigned;
            case DLL_SIGNATURE_STATUS -> e.dllSignatureStatus;
            case CRYPTO_KIND -> e.cryptoKind;
            case SOURCE_IP -> e.sourceIp;
            case SOURCE_PORT -> toLong(e.sourcePort);
            case DESTINATION_IP -> e.destinationIp;
            case DESTINATION_PORT -> toLong(e.destinationPort);
            case DESTINATION_DOMAIN -> e.destinationDomain;
            case NETWORK_TRANSPORT -> e.networkTransport;
            case NETWORK_PROTOCOL -> e.networkProtocol;
            case NETWORK_DIRECTION -> e.networkDirection;
            case BYTES_OUT -> e.bytesOut;
            case BYTES_IN -> e.bytesIn;
            case ASYMMETRY_RATIO -> e.bytesOut == null || e.bytesIn == null ? null : e.bytesOut / (double) Math.max(1, e.bytesIn);
            case PACKETS_OUT -> e.packetsOut;
            case PACKETS_IN -> e.packetsIn;
            case DURATION -> e.durationSeconds;
            case DURATION_MILLIS -> e.durationSeconds == null ? null : Math.round(e.durationSeconds * 1000);
            case PAYLOAD_ENTROPY -> e.payloadEntropy;
            case SESSION_ID -> e.sessionId;
            case CONNECTION_STATE -> e.connectionState;
            case PAYLOAD_BYTES -> e.payloadBytes;
            case PAYLOAD_SEEN -> e.payloadSeen;
            case BEACON_DESTINATION -> e.beaconDestination;
            case BEACON_SCORE -> e.beaconScore;
            case BEACON_SESSIONS -> e.beaconSessions;
            case BEACON_TIMESTAMP_SCORE -> e.beaconTimestampScore;
            case BEACON_SIZE_SCORE -> e.beaconSizeScore;
            case BEACON_HISTOGRAM_SCORE -> e.beaconHistogramScore;
            case BEACON_DURATION_SCORE -> e.beaconDurationScore;
            case TLS_VERSION -> e.tlsVersion;
            case TLS_CIPHER -> e.tlsCipher;
            case TLS_SERVER_NAME -> e.tlsServerName;
            case TLS_ESTABLISHED -> e.tlsEstablished;
            case TLS_JA3 -> e.tlsJa3;
            case TLS_JA3S -> e.tlsJa3s;
            case TLS_JA4 -> e.tlsJa4;
            case TLS_VALIDATION_STATUS -> e.tlsValidationStatus;
            case X509_SUBJECT -> e.x509Subject;
            case X509_ISSUER -> e.x509Issuer;
            case X509_NOT_BEFORE -> e.x509NotBefore;
            case X509_NOT_AFTER -> e.x509NotAfter;
            case X509_SHA1 -> e.x509Sha1;
            case TLS_LAST_ALERT -> e.tlsLastAlert;
            case CERTIFICATE_ID -> e.certificateId;
            case X509_KEY_LENGTH -> e.x509KeyLength;
            case X509_SELF_ISSUED -> e.x509SelfIssued;
            case X509_VALIDITY_DAYS -> e.x509NotBefore == null || e.x509NotAfter == null ? null : (e.x509NotAfter - e.x509NotBefore) / 86_400_000.0;
            case X509_AGE_DAYS -> e.x509NotBefore == null ? null : (e.timestamp - e.x509NotBefore) / 86_400_000.0;
            case MESSAGE -> e.message;
            case PROCESS_PE_ORIGINAL_FILE_NAME -> e.processPeOriginalFileName;
            case PROCESS_PE_DESCRIPTION -> e.processPeDescription;
            case PROCESS_PE_PRODUCT -> e.processPeProduct;
            case PROCESS_PE_COMPANY -> e.processPeCompany;
            case PROCESS_PE_FILE_VERSION -> e.processPeFileVersion;
            case PROCESS_WORKING_DIRECTORY -> e.processWorkingDirectory;
            case PARENT_COMMAND_LINE -> e.parentCommandLine;
            case DLL_PE_ORIGINAL_FILE_NAME -> e.dllPeOriginalFileName;
            case DLL_PE_DESCRIPTION -> e.dllPeDescription;
            case DLL_PE_PRODUCT -> e.dllPeProduct;
            case DLL_PE_COMPANY -> e.dllPeCompany;
            case DLL_SIGNATURE_SUBJECT -> e.dllSignatureSubject;
            case SOURCE_DOMAIN -> e.sourceDomain;
            case WINLOG_HASHES -> e.winlogHashes;
            case WINLOG_INTEGRITY_LEVEL -> e.winlogIntegrityLevel;
            case WINLOG_LOGON_ID -> e.winlogLogonId;
            case WINLOG_PARENT_USER -> e.winlogParentUser;
            case WINLOG_TARGET_IMAGE -> e.winlogTargetImage;
            case WINLOG_TARGET_USER -> e.winlogTargetUser;
            case WINLOG_GRANTED_ACCESS -> e.winlogGrantedAccess;
            case WINLOG_CALL_TRACE -> e.winlogCallTrace;
            case WINLOG_START_ADDRESS -> e.winlogStartAddress;
            case WINLOG_START_MODULE -> e.winlogStartModule;
            case WINLOG_START_FUNCTION -> e.winlogStartFunction;
        };
    }

    /** Sets the field; the value must be of the field's Java type (Long for LONG and TIME). A derived field is not set. */
    public void set(Event e, Object v) {
        switch (this) {
            case TIMESTAMP -> e.timestamp = (Long) v;
            case CREATED -> e.created = (Long) v;
            case ID -> e.id = (String) v;
            case DATASET -> e.dataset = (String) v;
            case ACTION -> e.action = (String) v;
            case CATEGORY -> e.category = (String) v;
            case CODE -> e.code = (String) v;
            case OUTCOME -> e.outcome = (String) v;
            case PROVIDER -> e.provider = (String) v;
            case HOST_NAME -> e.hostName = (String) v;
            case HOST_ID -> e.hostId = (String) v;
            case HOST_IP -> e.hostIp = (String) v;
            case USER_NAME -> e.userName = (String) v;
            case PROCESS_ENTITY_ID -> e.processEntityId = (String) v;
            case PROCESS_PID -> e.processPid = (Long) v;
            case PROCESS_NAME -> e.processName = (String) v;
            case PROCESS_EXECUTABLE -> e.processExecutable = (String) v;
            case PROCESS_COMMAND_LINE -> e.processCommandLine = (String) v;
            case PROCESS_HASH_SHA256 -> e.processHashSha256 = (String) v;
            case PROCESS_START -> e.processStart = (Long) v;
            case PARENT_ENTITY_ID -> e.parentEntityId = (String) v;
            case PARENT_PID -> e.parentPid = (Long) v;
            case PARENT_NAME -> e.parentName = (String) v;
            case PARENT_EXECUTABLE -> e.parentExecutable = (String) v;
            case DLL_NAME -> e.dllName = (String) v;
            case DLL_PATH -> e.dllPath = (String) v;
            case DLL_SIGNED -> e.dllSigned = (Boolean) v;
            case DLL_SIGNATURE_STATUS -> e.dllSignatureStatus = (String) v;
            case CRYPTO_KIND -> e.cryptoKind = (String) v;
            case SOURCE_IP -> e.sourceIp = (String) v;
            case SOURCE_PORT -> e.sourcePort = toInt(v);
            case DESTINATION_IP -> e.destinationIp = (String) v;
            case DESTINATION_PORT -> e.destinationPort = toInt(v);
            case DESTINATION_DOMAIN -> e.destinationDomain = (String) v;
            case NETWORK_TRANSPORT -> e.networkTransport = (String) v;
            case NETWORK_PROTOCOL -> e.networkProtocol = (String) v;
            case NETWORK_DIRECTION -> e.networkDirection = (String) v;
            case BYTES_OUT -> e.bytesOut = (Long) v;
            case BYTES_IN -> e.bytesIn = (Long) v;
            case PACKETS_OUT -> e.packetsOut = (Long) v;
            case PACKETS_IN -> e.packetsIn = (Long) v;
            case DURATION -> e.durationSeconds = (Double) v;
            case PAYLOAD_ENTROPY -> e.payloadEntropy = (Double) v;
            case SESSION_ID -> e.sessionId = (String) v;
            case CONNECTION_STATE -> e.connectionState = (String) v;
            case PAYLOAD_BYTES -> e.payloadBytes = (Long) v;
            case PAYLOAD_SEEN -> e.payloadSeen = (Boolean) v;
            case BEACON_DESTINATION -> e.beaconDestination = (String) v;
            case BEACON_SCORE -> e.beaconScore = (Double) v;
            case BEACON_SESSIONS -> e.beaconSessions = (Long) v;
            case BEACON_TIMESTAMP_SCORE -> e.beaconTimestampScore = (Double) v;
            case BEACON_SIZE_SCORE -> e.beaconSizeScore = (Double) v;
            case BEACON_HISTOGRAM_SCORE -> e.beaconHistogramScore = (Double) v;
            case BEACON_DURATION_SCORE -> e.beaconDurationScore = (Double) v;
            case TLS_VERSION -> e.tlsVersion = (String) v;
            case TLS_CIPHER -> e.tlsCipher = (String) v;
            case TLS_SERVER_NAME -> e.tlsServerName = (String) v;
            case TLS_ESTABLISHED -> e.tlsEstablished = (Boolean) v;
            case TLS_JA3 -> e.tlsJa3 = (String) v;
            case TLS_JA3S -> e.tlsJa3s = (String) v;
            case TLS_JA4 -> e.tlsJa4 = (String) v;
            case TLS_VALIDATION_STATUS -> e.tlsValidationStatus = (String) v;
            case X509_SUBJECT -> e.x509Subject = (String) v;
            case X509_ISSUER -> e.x509Issuer = (String) v;
            case X509_NOT_BEFORE -> e.x509NotBefore = (Long) v;
            case X509_NOT_AFTER -> e.x509NotAfter = (Long) v;
            case X509_SHA1 -> e.x509Sha1 = (String) v;
            case TLS_LAST_ALERT -> e.tlsLastAlert = (String) v;
            case CERTIFICATE_ID -> e.certificateId = (String) v;
            case X509_KEY_LENGTH -> e.x509KeyLength = (Long) v;
            case X509_SELF_ISSUED -> e.x509SelfIssued = (Boolean) v;
            case MESSAGE -> e.message = (String) v;
            case PROCESS_PE_ORIGINAL_FILE_NAME -> e.processPeOriginalFileName = (String) v;
            case PROCESS_PE_DESCRIPTION -> e.processPeDescription = (String) v;
            case PROCESS_PE_PRODUCT -> e.processPeProduct = (String) v;
            case PROCESS_PE_COMPANY -> e.processPeCompany = (String) v;
            case PROCESS_PE_FILE_VERSION -> e.processPeFileVersion = (String) v;
            case PROCESS_WORKING_DIRECTORY -> e.processWorkingDirectory = (String) v;
            case PARENT_COMMAND_LINE -> e.parentCommandLine = (String) v;
            case DLL_PE_ORIGINAL_FILE_NAME -> e.dllPeOriginalFileName = (String) v;
            case DLL_PE_DESCRIPTION -> e.dllPeDescription = (String) v;
            case DLL_PE_PRODUCT -> e.dllPeProduct = (String) v;
            case DLL_PE_COMPANY -> e.dllPeCompany = (String) v;
            case DLL_SIGNATURE_SUBJECT -> e.dllSignatureSubject = (String) v;
            case SOURCE_DOMAIN -> e.sourceDomain = (String) v;
            case WINLOG_HASHES -> e.winlogHashes = (String) v;
            case WINLOG_INTEGRITY_LEVEL -> e.winlogIntegrityLevel = (String) v;
            case WINLOG_LOGON_ID -> e.winlogLogonId = (String) v;
            case WINLOG_PARENT_USER -> e.winlogParentUser = (String) v;
            case WINLOG_TARGET_IMAGE -> e.winlogTargetImage = (String) v;
            case WINLOG_TARGET_USER -> e.winlogTargetUser = (String) v;
            case WINLOG_GRANTED_ACCESS -> e.winlogGrantedAccess = (String) v;
            case WINLOG_CALL_TRACE -> e.winlogCallTrace = (String) v;
            case WINLOG_START_ADDRESS -> e.winlogStartAddress = (String) v;
            case WINLOG_START_MODULE -> e.winlogStartModule = (String) v;
            case WINLOG_START_FUNCTION -> e.winlogStartFunction = (String) v;
            default -> { }
        }
    }

    /** Computed from other fields (setting it does nothing). */
    public boolean derived() {
        return derived;
    }

    /**
     * Every value parsers may set on this field, or an empty set when the field is open (names,
     * paths, addresses, and datasets, which some sources derive from the daemon that logged).
     */
    public Set<String> vocabulary() {
        return switch (this) {
            case ACTION -> FieldValue.valuesOf(EventAction.values());
            case CATEGORY -> FieldValue.valuesOf(EventCategory.values());
            case OUTCOME -> FieldValue.valuesOf(EventOutcome.values());
            case NETWORK_DIRECTION -> FieldValue.valuesOf(NetworkDirection.values());
            case CRYPTO_KIND -> FieldValue.valuesOf(CryptoKind.values());
            default -> Set.of();
        };
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
