package org.t1573.event;

import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One normalised telemetry record: a process start or end, a library load, a network
 * connection, a flow, a TLS handshake or a certificate, whatever the source.
 *
 * <p>Fields follow ECS names (see {@link EventField} for the name of each); a field the source
 * did not carry is {@code null}. Flink serializes it with {@link EventSerializer} (only the
 * fields present), which lets later releases append fields without breaking savepoints.
 */
@TypeInfo(EventSerializer.Factory.class)
public class Event implements Serializable {
    private static final long serialVersionUID = 1L;

    // event.*
    /** {@code @timestamp}: when it happened, epoch milliseconds, as the sensor recorded it. */
    public long timestamp;
    /** {@code event.created}: when the collector wrote it, epoch milliseconds. */
    public Long created;
    public String id;
    public String dataset;
    public String action;
    public String category;
    public String code;
    public String outcome;
    public String provider;

    // host.*, user.*
    public String hostName;
    public String hostId;
    public String hostIp;
    public String userName;

    // process.*
    public String processEntityId;
    public Long processPid;
    public String processName;
    public String processExecutable;
    public String processCommandLine;
    public String processHashSha256;
    public Long processStart;
    public String parentEntityId;
    public Long parentPid;
    public String parentName;
    public String parentExecutable;

    // dll.*
    public String dllName;
    public String dllPath;
    public Boolean dllSigned;
    public String dllSignatureStatus;
    /**
     * {@code crypto.kind}: what a crypto API call did, where the source says: symmetric (AES,
     * CCCrypt), asymmetric (RSA, SecKey, certificates, key exchange) or tls (a TLS library call,
     * both); null when not derivable.
     */
    public String cryptoKind;

    // source.*, destination.*, network.*
    public String sourceIp;
    public Integer sourcePort;
    public String destinationIp;
    public Integer destinationPort;
    public String destinationDomain;
    public String networkTransport;
    public String networkProtocol;
    public String networkDirection;
    public Long bytesOut;
    public Long bytesIn;
    public Long packetsOut;
    public Long packetsIn;
    public Double durationSeconds;
    public Double payloadEntropy;
    public String sessionId;
    /** Zeek {@code conn_state} (SF, S0, REJ, ...): how far the connection got. */
    public String connectionState;
    /** Bytes of payload a sensor captured for the session (Suricata {@code payload}, Argus user data). */
    public Long payloadBytes;
    /**
     * Whether the sensor saw the session's payload both ways without gaps (Zeek: history with
     * data from both sides, no missed bytes); null where the sensor does not say. Without it,
     * "no protocol recognised" says nothing about the payload: the analyser had nothing to read.
     */
    public Boolean payloadSeen;

    // beacon.*: set on the verdicts of the long beacon window (BeaconStage), not by parsers.
    /** The pair's destination: the server name where the session named one, else ip:port. */
    public String beaconDestination;
    public Double beaconScore;
    public Long beaconSessions;
    public Double beaconTimestampScore;
    public Double beaconSizeScore;
    public Double beaconHistogramScore;
    public Double beaconDurationScore;

    // tls.*
    public String tlsVersion;
    public String tlsCipher;
    public String tlsServerName;
    public Boolean tlsEstablished;
    public String tlsJa3;
    public String tlsJa3s;
    public String tlsJa4;
    public String tlsValidationStatus;
    public String x509Subject;
    public String x509Issuer;
    public Long x509NotBefore;
    public Long x509NotAfter;
    public String x509Sha1;
    /** The last TLS alert of the handshake (Zeek {@code last_alert}, e.g. unknown_ca). */
    public String tlsLastAlert;
    /** Links a handshake to its server certificate record: Zeek file id or fingerprint. */
    public String certificateId;
    public Long x509KeyLength;
    /** Subject equals issuer: the certificate names itself as its issuer (self-signed or a root). */
    public Boolean x509SelfIssued;

    /** Generic free text: a log message, or the API a crypto call used. */
    public String message;

    // Sysmon fields carried for Sigma rules (EventField's table names them).
    public String processPeOriginalFileName;
    public String processPeDescription;
    public String processPeProduct;
    public String processPeCompany;
    public String processPeFileVersion;
    public String processWorkingDirectory;
    public String parentCommandLine;
    public String dllPeOriginalFileName;
    public String dllPeDescription;
    public String dllPeProduct;
    public String dllPeCompany;
    public String dllSignatureSubject;
    public String sourceDomain;
    public String winlogHashes;
    public String winlogIntegrityLevel;
    public String winlogLogonId;
    public String winlogParentUser;
    public String winlogTargetImage;
    public String winlogTargetUser;
    public String winlogGrantedAccess;
    public String winlogCallTrace;
    public String winlogStartAddress;
    public String winlogStartModule;
    public String winlogStartFunction;

    public Event() {}

    /** A key that separates process instances even where pids are reused. */
    public String processKey() {
        if (processEntityId != null) {
            return processEntityId;
        }
        return hostName + '|' + processPid + '|' + processStart;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Event)) {
            return false;
        }
        Event e = (Event) o;
        return timestamp == e.timestamp && Objects.equals(id, e.id) && Objects.equals(dataset, e.dataset);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timestamp, id, dataset);
    }

    @Override
    public String toString() {
        return "Event{" + EventField.describe(this) + '}';
    }
}
