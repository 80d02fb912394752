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
