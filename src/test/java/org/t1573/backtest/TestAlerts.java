package org.t1573.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;

/**
 * Builds alerts for tests through their JSON form, so the tests keep compiling when the alert
 * schema gains fields: only the fields scoring, diffing and the report read.
 */
final class TestAlerts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestAlerts() {}

    /** An alert (process null: none known) with one outbound session to 203.0.113.5:4444 per given offset (seconds after firstSeen). */
    static Alert alert(String analytic, String host, String process, String firstSeen, int score, long... sessions) {
        Map<String, Object> p = process == null ? Map.of("name", "x.exe") : Map.of("name", "x.exe", "entity_id", process);
        return read(fields(analytic, host, p, firstSeen, score, sessions));
    }

    /** The same alert about a process known by pid and start time (Defender). */
    static Alert byPid(String analytic, String host, long pid, String start, String firstSeen) {
        return read(fields(analytic, host, Map.of("name", "x.exe", "pid", pid, "start", start), firstSeen, 60));
    }

    /**
     * A network alert (source address, no host name or process) of {@code sessions} sessions to
     * 198.51.100.7:443 every {@code everySeconds}, of which only the first {@code evidence} are evidence:
     * the destination and the aggregates count them all, with a beacon score over the day.
     */
    static Alert network(String analytic, String sourceIp, String firstSeen, int sessions, int everySeconds,
            int evidence) {
        Instant start = Instant.parse(firstSeen);
        String last = start.plusSeconds((long) (sessions - 1) * everySeconds).toString();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < evidence; i++) {
            events.add(Map.of("step", "session", "event_id", "zeek.conn:C" + i, "@timestamp",
                    start.plusSeconds((long) i * everySeconds).toString(), "destination_ip", "198.51.100.7",
                    "destination_port", 443));
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("schema", Alert.SCHEMA);
        a.put("alert_id", analytic + "-" + sourceIp + "-" + firstSeen);
        a.put("activity", "update");
        a.put("analytic", Map.of("id", analytic, "title", "Beacon to one destination", "platform", "network"));
        a.put("severity", "medium");
        a.put("score", 70);
        a.put("host", Map.of("ip", sourceIp));
        a.put("process", Map.of());
        a.put("first_seen", firstSeen);
        a.put("last_seen", last);
        a.put("window", Map.of("start", firstSeen, "end", start.plusSeconds(86_400).toString()));
        a.put("summary", Map.of("SourceIPs", List.of(sourceIp), "Sessions", sessions));
        a.put("aggregates", Map.of("connections.count", sessions, "beacon.score", 0.875, "beacon.window.max_score",
                0.984));
        a.put("destinations", List.of(Map.of("ip", "198.51.100.7", "port", 443, "domain", "c2.example",
                "connections", sessions, "first", firstSeen, "last", last, "interval_median_seconds",
                (double) everySeconds, "beacon_score", 0.875)));
        a.put("evidence", events);
        a.put("evidence_truncated", sessions - evidence);
        return read(a);
    }

    /** {@code a} with its first evidence session attributed by a host sensor to a process (the session join). */
    @SuppressWarnings("unchecked")
    static Alert joined(Alert a, String processName, long pid) {
        Map<String, Object> fields = JSON.convertValue(a, Map.class);
        List<Map<String, Object>> evidence = (List<Map<String, Object>>) fields.get("evidence");
        evidence.get(0).put("network_evidence", Map.of("process_name", processName, "process_pid", pid));
        return read(fields);
    }

    private static Map<String, Object> fields(String analytic, String host, Map<String, Object> process,
            String firstSeen, int score, long... sessions) {
        Instant start = Instant.parse(firstSeen);
        List<Map<String, Object>> evidence = new ArrayList<>();
        evidence.add(Map.of("step", "crypto_load", "event_id", host + ":1", "@timestamp",
                start.minusSeconds(2).toString(), "action", "library_load", "dll_name", "bcrypt.dll"));
        for (int i = 0; i < sessions.length; i++) {
            evidence.add(Map.of("step", "outbound_session", "event_id", host + ":" + (i + 2), "@timestamp",
                    start.plusSeconds(sessions[i]).toString(), "action", "network_connection", "destination_ip",
                    "203.0.113.5", "destination_port", 4444));
        }
        String last = start.plusSeconds(sessions.length == 0 ? 0 : sessions[sessions.length - 1]).toString();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("schema", Alert.SCHEMA);
        a.put("alert_id", analytic + "-" + process.values() + "-" + firstSeen);
        a.put("activity", "create");
        a.put("analytic", Map.of("id", analytic, "platform", "windows"));
        a.put("severity", "high");
        a.put("score", score);
        a.put("host", Map.of("name", host));
        a.put("process", process);
        a.put("first_seen", firstSeen);
        a.put("last_seen", last);
        a.put("window", Map.of("start", firstSeen, "end", start.plusSeconds(900).toString()));
        a.put("summary", Map.of("ConnectionCount", sessions.length));
        a.put("destinations", List.of(Map.of("ip", "203.0.113.5", "port", 4444, "connections", sessions.length)));
        a.put("evidence", evidence);
        return a;
    }

    private static Alert read(Map<String, Object> fields) {
        try {
            return AlertJson.read(JSON.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
