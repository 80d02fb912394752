package org.t1573.detect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;
import java.util.stream.Collectors;
import org.t1573.event.Event;
import org.t1573.event.FieldType;
import org.t1573.pattern.Aggregate;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.EventFieldResolver;
import org.t1573.pattern.PatternDefinition;
import org.t1573.pattern.SummaryItem;

/** Builds an {@link Alert} from a pattern and the state of one alert window. */
final class AlertFactory {
    private final CompiledPattern pattern;

    AlertFactory(CompiledPattern pattern) {
        this.pattern = pattern;
    }

    /** A deterministic id: the same input gives the same alert ids at any parallelism. */
    static String alertId(String patternId, String key, long windowStart) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-1")
                    .digest((patternId + '\u001f' + key + '\u001f' + windowStart).getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                sb.append(String.format("%02x", h[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Alert build(String activity, WindowState w, List<DestinationStats> destinations,
            Map<String, Collection<String>> distinct, List<Evidence> evidence) {
        PatternDefinition d = pattern.definition();
        ConnectionStats stats = new ConnectionStats(destinations, pattern, w.start, w.end);
        List<String> reasons = new ArrayList<>();
        double score = d.scoreBase();
        for (CompiledPattern.CompiledScoreRule r : pattern.scoreRules()) {
            if (r.when().test(stats)) {
                score += r.points();
                reasons.add((r.points() >= 0 ? "+" : "") + (long) r.points() + " " + r.reason());
            }
        }
        Map<String, Object> aggregates = new LinkedHashMap<>();
        stats.all().forEach((a, v) -> aggregates.put(a.ecsName(), render(a, v)));
        Map<String, Object> summary = new LinkedHashMap<>();
        for (SummaryItem s : d.summary()) {
            summary.put(s.name(), s.isDistinct()
                    ? distinctValues(s, distinct.getOrDefault(s.name(), List.of()))
                    : render(s.aggregate(), stats.aggregate(s.aggregate())));
        }
        Event e = w.description != null ? w.description : w.first;
        return new Alert(Alert.SCHEMA, w.alertId, activity,
                new Alert.Analytic(d.id(), d.title(), d.strategy(), d.technique(), d.tactic(), d.platform()),
                d.severity(), d.confidence(), (int) Math.max(0, Math.min(100, Math.round(score))), reasons,
                new Alert.Host(e.hostName, e.hostId, e.hostIp), process(e),
                AlertJson.time((Long) stats.aggregate(Aggregate.CONNECTIONS_FIRST)),
                AlertJson.time((Long) stats.aggregate(Aggregate.CONNECTIONS_LAST)),
                new Alert.Window(AlertJson.time(w.start), AlertJson.time(w.end)), summary, aggregates,
                destinations(destinations, w), evidence(evidence), Math.max(0, w.evidenceCount - evidence.size()),
                w.sessions - w.sessionsAtTrigger, notes(stats));
    }

    /** Sorted distinct values; numbers (ports) stay numbers. */
    private static List<Object> distinctValues(SummaryItem s, Collection<String> values) {
        FieldType type = EventFieldResolver.INSTANCE.resolve(s.field()).type();
        List<Object> out = new ArrayList<>();
        if (type == FieldType.LONG) {
            new TreeSet<>(values.stream().map(Long::valueOf).collect(Collectors.toList())).forEach(out::add);
        } else {
            out.addAll(new TreeSet<>(values));
        }
        return out;
    }

    private static Object render(Aggregate a, Object v) {
        if (v != null && a.type() == FieldType.TIME) {
            return AlertJson.time((Long) v);
        }
        return v;
    }

    private static Alert.ProcessInfo process(Event e) {
        Alert.Parent parent = e.parentName == null && e.parentPid == null ? null
                : new Alert.Parent(e.parentName, e.parentPid, e.parentExecutable, e.parentEntityId);
        return new Alert.ProcessInfo(e.processName, e.processExecutable, e.processPid, e.processEntityId,
                e.userName, e.processHashSha256, e.processCommandLine, AlertJson.time(e.processStart), parent);
    }

    private static List<Alert.Destination> destinations(List<DestinationStats> destinations, WindowState w) {
        List<Alert.Destination> out = new ArrayList<>();
        for (DestinationStats d : destinations) {
            ConnectionStats one = new ConnectionStats(List.of(d), null, w.start, w.end);
            out.add(new Alert.Destination(d.ip, d.port, d.domain, d.count,
                    d.bytesObserved ? d.bytesOut : null, d.bytesObserved ? d.bytesIn : null,
                    AlertJson.time(d.first), AlertJson.time(d.last),
                    (Double) one.aggregate(Aggregate.INTERVALS_MEAN_SECONDS),
                    (Double) one.aggregate(Aggregate.INTERVALS_MEDIAN_SECONDS),
                    (Double) one.aggregate(Aggregate.BEACON_SCORE)));
        }
        return out;
    }

    private static List<Alert.Evidence> evidence(List<Evidence> evidence) {
        List<Alert.Evidence> out = new ArrayList<>();
        for (Evidence v : evidence) {
            out.add(new Alert.Evidence(v.step, v.eventId, AlertJson.time(v.timestamp), v.dataset, v.action,
                    v.dllName, v.destinationIp, v.destinationPort, networkEvidence(v)));
        }
        return out;
    }

    /** Only events a network sensor saw (their own record, or one joined to them) have a session id. */
    private static Alert.NetworkEvidence networkEvidence(Evidence v) {
        if (v.sessionId == null) {
            return null;
        }
        return new Alert.NetworkEvidence(v.sessionId, v.bytesOut, v.bytesIn, v.payloadEntropy, v.tlsVersion,
                v.serverName, v.tlsVersion == null ? null : v.serverName != null, v.certificateSubject,
                v.certificateIssuer, v.certificateSelfIssued, v.ja3, v.processName, v.processPid);
    }

    private static List<String> notes(ConnectionStats stats) {
        List<String> notes = new ArrayList<>();
        if (!Boolean.TRUE.equals(stats.aggregate(Aggregate.ENTROPY_OBSERVED))) {
            notes.add("payload entropy not observed: no source of these sessions carries payload; "
                    + "entropy thresholds were not applied");
        }
        if (!Boolean.TRUE.equals(stats.aggregate(Aggregate.BYTES_OBSERVED))) {
            notes.add("byte counts not observed: the connection events carry no byte counts");
        }
        return notes;
    }
}
