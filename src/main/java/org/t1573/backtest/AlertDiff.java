package org.t1573.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.t1573.alert.Alert;

/**
 * What a pattern edit does: the alerts of run A against those of run B over the same input,
 * keyed by analytic, host, process and window start. Alert ids are not compared: they derive from
 * the key, and an edit that moves a window start shows as one alert gone and one new.
 */
public record AlertDiff(List<Entry> onlyA, List<Entry> onlyB, List<Change> changed, int unchanged) {

    /** An alert present on one side only. */
    public record Entry(String key, String analytic, String host, String process, String windowStart, int score,
            String severity, Map<String, Object> summary) {}

    /** A field that differs, with both values. */
    public record FieldChange(String field, Object a, Object b) {}

    /** An alert on both sides whose score, severity, summary or evidence differs. */
    public record Change(String key, List<FieldChange> fields) {}

    /** Compares final alert states (see {@link FinalAlerts}). */
    public static AlertDiff compare(List<Alert> a, List<Alert> b) {
        Map<String, Alert> left = byKey(a);
        Map<String, Alert> right = byKey(b);
        List<Entry> onlyA = new ArrayList<>();
        List<Entry> onlyB = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        int same = 0;
        for (Map.Entry<String, Alert> e : left.entrySet()) {
            Alert other = right.get(e.getKey());
            if (other == null) {
                onlyA.add(entry(e.getKey(), e.getValue()));
                continue;
            }
            List<FieldChange> fields = changes(e.getValue(), other);
            if (fields.isEmpty()) {
                same++;
            } else {
                changed.add(new Change(e.getKey(), fields));
            }
        }
        right.forEach((k, v) -> {
            if (!left.containsKey(k)) {
                onlyB.add(entry(k, v));
            }
        });
        return new AlertDiff(onlyA, onlyB, changed, same);
    }

    /** "AN0400 WS-1 {guid} 2026-03-02T08:00:05.206Z". */
    public static String key(Alert a) {
        return a.analytic().id() + " " + hostName(a) + " "
                + (ProcessRef.of(a).isEmpty() ? "-" : ProcessRef.of(a)) + " " + a.window().start();
    }

    /** The host name, "-" for alerts that name no host (network alerts). */
    static String hostName(Alert a) {
        return a.host() == null || a.host().name() == null ? "-" : a.host().name();
    }

    private static Map<String, Alert> byKey(List<Alert> alerts) {
        Map<String, Alert> out = new TreeMap<>();
        alerts.forEach(x -> out.put(key(x), x));
        return out;
    }

    private static Entry entry(String key, Alert x) {
        return new Entry(key, x.analytic().id(), hostName(x), ProcessRef.of(x),
                x.window().start(), x.score(), x.severity(), x.summary());
    }

    private static List<FieldChange> changes(Alert a, Alert b) {
        List<FieldChange> out = new ArrayList<>();
        add(out, "score", a.score(), b.score());
        add(out, "severity", a.severity(), b.severity());
        Map<String, Object> sa = a.summary() == null ? Map.of() : a.summary();
        Map<String, Object> sb = b.summary() == null ? Map.of() : b.summary();
        Map<String, Boolean> names = new LinkedHashMap<>();
        sa.keySet().forEach(k -> names.put(k, true));
        sb.keySet().forEach(k -> names.put(k, true));
        names.keySet().forEach(k -> add(out, "summary." + k, sa.get(k), sb.get(k)));
        add(out, "evidence", eventIds(a), eventIds(b));
        return out;
    }

    private static void add(List<FieldChange> out, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(new FieldChange(field, a, b));
        }
    }

    private static List<String> eventIds(Alert a) {
        List<String> out = new ArrayList<>();
        if (a.evidence() != null) {
            a.evidence().forEach(e -> out.add(e.step() + ":" + e.eventId()));
        }
        return out;
    }
}
