package org.t1573.alert;

import static org.t1573.alert.JsonObjects.millis;
import static org.t1573.alert.JsonObjects.of;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An alert as an OCSF Detection Finding (class 2004, category Findings): a create is activity 1,
 * its update activity 2 with the same {@code finding_info.uid} (the native {@code alert_id}).
 * The rule and its ATT&CK mapping are {@code finding_info.analytic} and {@code attacks}; each
 * destination and each matched event is one of {@code evidences}; host, process and destination
 * addresses are {@code observables}. What OCSF has no attribute for (summary, aggregates, notes)
 * is kept under {@code unmapped}.
 */
public final class OcsfFinding {
    /** The OCSF schema version these findings are validated against (../shared/data/ocsf-schema). */
    public static final String OCSF_VERSION = "1.9.0-dev";
    static final int CATEGORY_UID = 2;
    static final int CLASS_UID = CATEGORY_UID * 1000 + 4;
    private static final int STATUS_NEW = 1;
    private static final int ANALYTIC_RULE = 1;
    private static final int DEVICE_UNKNOWN = 0;
    private static final int FILE_REGULAR = 1;
    private static final int SHA_256 = 3;
    // Observable type ids: those of the OCSF data types hostname_t, ip_t and process_name_t.
    private static final int HOSTNAME = 1;
    private static final int IP_ADDRESS = 2;
    private static final int PROCESS_NAME = 9;

    private OcsfFinding() {}

    /** The finding of one native alert line (create or update). */
    public static Map<String, Object> from(Alert a, RuleMetadata rule) {
        Alert.Analytic an = a.analytic();
        boolean update = "update".equals(a.activity());
        int activity = update ? 2 : 1;
        String activityName = update ? "Update" : "Create";
        int severity = Levels.severity(a.severity());
        int confidence = Levels.confidence(a.confidence());
        Long time = millis(AlertTimes.recorded(a));
        Map<String, Object> process = process(a.process());
        return JsonObjects.of(
                "activity_id", activity, "activity_name", activityName,
                "category_uid", CATEGORY_UID, "category_name", "Findings",
                "class_uid", CLASS_UID, "class_name", "Detection Finding",
                "type_uid", CLASS_UID * 100L + activity, "type_name", "Detection Finding: " + activityName,
                "severity_id", severity, "severity", severity == 0 ? "Unknown" : Levels.caption(a.severity()),
                "status_id", STATUS_NEW, "status", "New",
                "confidence_id", confidence, "confidence", confidence == 0 ? "Unknown" : Levels.caption(a.confidence()),
                "risk_score", a.score(),
                "is_alert", true,
                "message", an.title(),
                "time", time,
                "start_time", millis(a.firstSeen()),
                "end_time", millis(a.lastSeen()),
                "finding_info", of("uid", a.alertId(), "title", an.title(), "desc", rule.description(),
                        "analytic", of("uid", an.id(), "name", an.title(), "type_id", ANALYTIC_RULE, "type", "Rule",
                                "version", rule.version(), "category", an.strategy()),
                        "attacks", List.of(attack(an, rule)),
                        "first_seen_time", millis(a.firstSeen()), "last_seen_time", millis(a.lastSeen()),
                        "modified_time", update ? time : null,
                        "src_url", rule.references().isEmpty() ? null : rule.references().get(0)),
                "device", device(a.host()),
                "evidences", evidences(a, process),
                "observables", observables(a, process),
                "metadata", of("version", OCSF_VERSION, "uid", a.alertId() + "/" + a.activity(),
                        "log_name", "t1573.alerts",
                        "product", of("name", "t1573-cep", "vendor_name", "t1573-cep")),
                "unmapped", of("platform", an.platform(), "score_reasons", a.scoreReasons(), "window", a.window(),
                        "summary", a.summary(), "aggregates", a.aggregates(),
                        "evidence_truncated", a.evidenceTruncated(), "suppressed_repeats", a.suppressedRepeats(),
                        "notes", a.notes()));
    }

    private static Map<String, Object> attack(Alert.Analytic an, RuleMetadata rule) {
        String parent = AttackIds.parent(an.technique());
        return of("technique", entity(parent == null ? an.technique() : parent, rule),
                "sub_technique", parent == null ? null : entity(an.technique(), rule),
                "tactic", entity(an.tactic(), rule));
    }

    private static Map<String, Object> entity(String id, RuleMetadata rule) {
        return of("uid", id, "name", rule.attackName(id), "src_url", AttackIds.url(id));
    }

    /** A device needs a name, id or address; a host of none of them is no device. */
    private static Map<String, Object> device(Alert.Host h) {
        return h == null || (h.name() == null && h.id() == null && h.ip() == null) ? null : of("hostname", h.name(), "name", h.name(), "uid", h.id(), "ip", h.ip(),
                "type_id", DEVICE_UNKNOWN, "type", "Unknown");
    }

    /** OCSF requires a process to have a pid or uid; one known by name only is left out. */
    private static Map<String, Object> process(Alert.ProcessInfo p) {
        if (p == null || (p.pid() == null && p.entityId() == null)) {
            return null;
        }
        Alert.Parent parent = p.parent();
        boolean parentKnown = parent != null && (parent.pid() != null || parent.entityId() != null);
        return of("name", p.name(), "pid", p.pid(), "uid", p.entityId(), "cmd_line", p.commandLine(),
                "created_time", millis(p.start()), "file", file(p.executable(), p.name(), p.hashSha256()),
                "user", of("name", p.user()),
                "parent_process", !parentKnown ? null : of("name", parent.name(), "pid", parent.pid(),
                        "uid", parent.entityId(), "file", file(parent.executable(), parent.name(), null)));
    }

    private static Map<String, Object> file(String path, String processName, String sha256) {
        String name = path == null ? (sha256 == null ? null : processName) : path.substring(
                Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        return name == null ? null : of("name", name, "path", path, "type_id", FILE_REGULAR, "type", "Regular File",
                "hashes", sha256 == null ? null : List.of(of("algorithm_id", SHA_256, "algorithm", "SHA-256",
                        "value", sha256)));
    }

    /** One evidence per destination (its sessions' statistics), then one per matched event. */
    private static List<Object> evidences(Alert a, Map<String, Object> process) {
        List<Object> out = new ArrayList<>();
        Map<String, Object> source = a.host() == null ? null : of("ip", a.host().ip());
        for (Alert.Destination d : orEmpty(a.destinations())) {
            out.add(of("name", "destination", "src_endpoint", source, "process", process,
                    "dst_endpoint", endpoint(d.ip(), d.port(), d.domain()), "data", d));
        }
        for (Alert.Evidence e : orEmpty(a.evidence())) {
            out.add(of("uid", e.eventId(), "name", e.step(),
                    "dst_endpoint", endpoint(e.destinationIp(), e.destinationPort(), null), "data", e));
        }
        return out;
    }

    /** OCSF endpoints need an address or name: a port alone is no endpoint. */
    private static Map<String, Object> endpoint(String ip, Integer port, String hostname) {
        return ip == null && hostname == null ? null : of("ip", ip, "port", port, "hostname", hostname);
    }

    private static List<Object> observables(Alert a, Map<String, Object> process) {
        List<Object> out = new ArrayList<>();
        if (a.host() != null) {
            add(out, "device.hostname", HOSTNAME, "Hostname", a.host().name());
            add(out, "device.ip", IP_ADDRESS, "IP Address", a.host().ip());
        }
        if (process != null && !orEmpty(a.destinations()).isEmpty()) {
            add(out, "evidences.process.name", PROCESS_NAME, "Process Name", (String) process.get("name"));
        }
        Set<String> ips = new LinkedHashSet<>();
        Set<String> hostnames = new LinkedHashSet<>();
        for (Alert.Destination d : orEmpty(a.destinations())) {
            ips.add(d.ip());
            hostnames.add(d.domain());
        }
        ips.forEach(ip -> add(out, "evidences.dst_endpoint.ip", IP_ADDRESS, "IP Address", ip));
        hostnames.forEach(h -> add(out, "evidences.dst_endpoint.hostname", HOSTNAME, "Hostname", h));
        return out;
    }

    private static void add(List<Object> observables, String name, int typeId, String type, String value) {
        if (value != null) {
            observables.add(of("name", name, "type_id", typeId, "type", type, "value", value));
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
