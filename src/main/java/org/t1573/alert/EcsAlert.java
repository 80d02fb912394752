package org.t1573.alert;

import static org.t1573.alert.JsonObjects.of;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An alert as an Elastic Common Schema document: {@code event.kind: alert}, the rule and its
 * ATT&CK mapping under {@code rule} and {@code threat}, the host, process, source and
 * destination under their ECS names. ECS has no place for the alert's own aggregates, so they
 * stay under the custom {@code t1573} namespace, as ECS asks of custom fields. An update keeps
 * the create's {@code event.id} (the native {@code alert_id}) and rule ids.
 */
public final class EcsAlert {
    /** The ECS version whose field names this mapping uses. */
    public static final String ECS_VERSION = "8.11.0";
    static final String NAMESPACE = "t1573";

    private EcsAlert() {}

    /** The document of one native alert line (create or update). */
    public static Map<String, Object> from(Alert a, RuleMetadata rule) {
        Alert.Analytic an = a.analytic();
        return JsonObjects.of(
                "@timestamp", AlertTimes.recorded(a),
                "ecs", of("version", ECS_VERSION),
                "message", an.title(),
                "event", event(a),
                "rule", of("id", an.id(), "name", an.title(), "description", rule.description(),
                        "version", rule.version(), "reference", rule.references(), "ruleset", an.strategy()),
                "threat", threat(an, rule),
                "host", host(a.host()),
                "process", process(a.process()),
                "source", a.host() == null ? null : of("ip", a.host().ip()),
                "destination", destination(a.destinations()),
                "related", related(a),
                "observer", of("vendor", "t1573-cep", "product", "t1573-cep", "type", "ids"),
                NAMESPACE, of("activity", a.activity(), "platform", an.platform(), "confidence", a.confidence(),
                        "score_reasons", a.scoreReasons(), "window", a.window(), "summary", a.summary(),
                        "aggregates", a.aggregates(), "destinations", a.destinations(), "evidence", a.evidence(),
                        "evidence_truncated", a.evidenceTruncated(), "suppressed_repeats", a.suppressedRepeats(),
                        "notes", a.notes()));
    }

    private static Map<String, Object> event(Alert a) {
        // Every analytic ends in network sessions; "intrusion_detection" is ECS's category of alerts.
        return of("kind", "alert", "category", List.of("intrusion_detection", "network"), "type", List.of("info"),
                "id", a.alertId(), "action", a.activity(), "dataset", "t1573.alerts", "module", "t1573",
                "severity", Levels.severity(a.severity()), "risk_score", (double) a.score(),
                "start", a.firstSeen(), "end", a.lastSeen());
    }

    private static Map<String, Object> threat(Alert.Analytic an, RuleMetadata rule) {
        String parent = AttackIds.parent(an.technique());
        Map<String, Object> technique = attack(parent == null ? an.technique() : parent, rule);
        if (parent != null) {
            technique.put("subtechnique", attack(an.technique(), rule));
        }
        return of("framework", "MITRE ATT&CK", "technique", technique, "tactic", attack(an.tactic(), rule));
    }

    private static Map<String, Object> attack(String id, RuleMetadata rule) {
        return of("id", id, "name", rule.attackName(id), "reference", AttackIds.url(id));
    }

    private static Map<String, Object> host(Alert.Host h) {
        return h == null ? null : of("name", h.name(), "hostname", h.name(), "id", h.id(),
                "ip", h.ip() == null ? null : List.of(h.ip()));
    }

    private static Map<String, Object> process(Alert.ProcessInfo p) {
        if (p == null) {
            return null;
        }
        Alert.Parent parent = p.parent();
        return of("name", p.name(), "executable", p.executable(), "pid", p.pid(), "entity_id", p.entityId(),
                "command_line", p.commandLine(), "start", p.start(), "hash", of("sha256", p.hashSha256()),
                "user", of("name", p.user()),
                "parent", parent == null ? null : of("name", parent.name(), "pid", parent.pid(),
                        "executable", parent.executable(), "entity_id", parent.entityId()));
    }

    /** ECS has one destination: the alert's first (the one its native list leads with). */
    private static Map<String, Object> destination(List<Alert.Destination> destinations) {
        if (destinations == null || destinations.isEmpty()) {
            return null;
        }
        Alert.Destination d = destinations.get(0);
        Long bytes = d.bytesOut() == null ? null : d.bytesOut() + (d.bytesIn() == null ? 0 : d.bytesIn());
        return of("ip", d.ip(), "port", d.port(), "domain", d.domain(), "bytes", bytes);
    }

    private static Map<String, Object> related(Alert a) {
        Set<String> ips = new LinkedHashSet<>();
        Set<String> hosts = new LinkedHashSet<>();
        if (a.host() != null) {
            add(ips, a.host().ip());
            add(hosts, a.host().name());
        }
        for (Alert.Destination d : a.destinations() == null ? List.<Alert.Destination>of() : a.destinations()) {
            add(ips, d.ip());
            add(hosts, d.domain());
        }
        return of("ip", new ArrayList<>(ips), "hosts", new ArrayList<>(hosts));
    }

    private static void add(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }
}
