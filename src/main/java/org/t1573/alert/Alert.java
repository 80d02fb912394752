package org.t1573.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * One detection, as written to the alert outputs (JSON lines, Kafka). The schema is documented
 * in README.md ("Alert schema"); {@code schema} names its version. An alert is first written with
 * {@code activity = "create"} when its condition first holds; if more sessions of the same
 * window arrive, one {@code "update"} with the same {@code alert_id} and the final aggregates is
 * written when the window closes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schema", "alert_id", "activity", "analytic", "severity", "confidence", "score",
        "score_reasons", "host", "process", "first_seen", "last_seen", "window", "summary", "aggregates",
        "destinations", "evidence", "evidence_truncated", "suppressed_repeats", "notes"})
public record Alert(
        String schema,
        @JsonProperty("alert_id") String alertId,
        String activity,
        Analytic analytic,
        String severity,
        String confidence,
        int score,
        @JsonProperty("score_reasons") List<String> scoreReasons,
        Host host,
        ProcessInfo process,
        @JsonProperty("first_seen") String firstSeen,
        @JsonProperty("last_seen") String lastSeen,
        Window window,
        Map<String, Object> summary,
        Map<String, Object> aggregates,
        List<Destination> destinations,
        List<Evidence> evidence,
        @JsonProperty("evidence_truncated") long evidenceTruncated,
        @JsonProperty("suppressed_repeats") long suppressedRepeats,
        List<String> notes) {

    public static final String SCHEMA = "t1573-alert/1";

    /** Which analytic raised the alert, with its ATT&CK mapping. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Analytic(String id, String title, String strategy, String technique, String tactic,
            String platform) {}

    /**
     * The host the alert is about: for network analytics the source of the sessions, by address
     * (and by name where a host sensor's event of the same session named it).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Host(String name, String id, String ip) {}

    /** The process the alert is about, as far as the evidence tells. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProcessInfo(String name, String executable, Long pid,
            @JsonProperty("entity_id") String entityId, String user,
            @JsonProperty("hash_sha256") String hashSha256,
            @JsonProperty("command_line") String commandLine,
            String start, Parent parent) {}

    /** The parent of the process. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Parent(String name, Long pid, String executable,
            @JsonProperty("entity_id") String entityId) {}

    /** The alert window in event time: from the first matching session, TimeWindow long. */
    public record Window(String start, String end) {}

    /** The sessions to one destination within the window. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Destination(String ip, Integer port, String domain, long connections,
            @JsonProperty("bytes_out") Long bytesOut, @JsonProperty("bytes_in") Long bytesIn,
            String first, String last,
            @JsonProperty("interval_mean_seconds") Double intervalMeanSeconds,
            @JsonProperty("interval_median_seconds") Double intervalMedianSeconds,
            @JsonProperty("beacon_score") Double beaconScore) {}

    /** One event that matched a step: enough to find it in the raw logs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evidence(String step, @JsonProperty("event_id") String eventId,
            @JsonProperty("@timestamp") String timestamp, String dataset, String action,
            @JsonProperty("dll_name") String dllName,
            @JsonProperty("destination_ip") String destinationIp,
            @JsonProperty("destination_port") Integer destinationPort,
            @JsonProperty("network_evidence") NetworkEvidence networkEvidence) {}

    /**
     * What the network sensor recorded of an evidence event's session (present when a sensor
     * record was joined to a host event, or the event is one): the session id to find it in the
     * sensor's logs, bytes, entropy, the handshake and the certificate; and the process a host
     * sensor attributed the session to. {@code server_name_sent} is false for a handshake without SNI.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NetworkEvidence(@JsonProperty("session_id") String sessionId,
            @JsonProperty("bytes_out") Long bytesOut, @JsonProperty("bytes_in") Long bytesIn,
            @JsonProperty("payload_entropy") Double payloadEntropy,
            @JsonProperty("tls_version") String tlsVersion,
            @JsonProperty("server_name") String serverName,
            @JsonProperty("server_name_sent") Boolean serverNameSent,
            @JsonProperty("certificate_subject") String certificateSubject,
            @JsonProperty("certificate_issuer") String certificateIssuer,
            @JsonProperty("certificate_self_issued") Boolean certificateSelfIssued,
            String ja3,
            @JsonProperty("process_name") String processName,
            @JsonProperty("process_pid") Long processPid) {}
}
