package org.t1573.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.t1573.alert.Alert;

/**
 * Checks a case's alerts against its expectations: each expectation needs exactly its count of
 * matching alerts, and every alert must be expected. Numbers compare by value (1 equals 1.0).
 */
public final class CaseCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseCheck() {}

    /** The reasons the case fails; empty when it passes. {@code alerts} are final states. */
    public static List<String> failures(PatternTestCase c, List<Alert> alerts) {
        List<String> out = new ArrayList<>();
        List<Alert> unexplained = new ArrayList<>(alerts);
        for (PatternTestCase.ExpectedAlert e : c.expected()) {
            List<Alert> matching = alerts.stream().filter(a -> matches(e, a)).toList();
            unexplained.removeAll(matching);
            if (matching.size() != e.count()) {
                out.add("expected " + e.count() + " alert(s) of " + e.analytic() + describe(e) + ", got "
                        + matching.size() + near(e, alerts));
            }
        }
        for (Alert a : unexplained) {
            out.add("unexpected alert " + AlertDiff.key(a) + " " + a.summary());
        }
        return out;
    }

    private static boolean matches(PatternTestCase.ExpectedAlert e, Alert a) {
        if (!e.analytic().equals(a.analytic().id())
                || e.host() != null && (a.host() == null || !e.host().equalsIgnoreCase(a.host().name()))
                || e.process() != null && !ProcessRef.matches(e.process(), a)) {
            return false;
        }
        Map<String, Object> summary = a.summary() == null ? Map.of() : a.summary();
        for (Map.Entry<String, Object> want : e.summary().entrySet()) {
            if (!sameValue(want.getValue(), summary.get(want.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(Object expected, Object actual) {
        JsonNode x = JSON.valueToTree(expected);
        JsonNode y = JSON.valueToTree(actual);
        return x.equals((a, b) -> a.isNumber() && b.isNumber() ? Double.compare(a.asDouble(), b.asDouble())
                : a.equals(b) ? 0 : 1, y);
    }

    private static String describe(PatternTestCase.ExpectedAlert e) {
        return (e.host() == null ? "" : " on " + e.host()) + (e.process() == null ? "" : " for " + e.process())
                + (e.summary().isEmpty() ? "" : " with " + e.summary());
    }

    /** The summaries of the analytic's alerts, so a wrong value is visible in the failure. */
    private static String near(PatternTestCase.ExpectedAlert e, List<Alert> alerts) {
        List<String> summaries = alerts.stream().filter(a -> a.analytic().id().equals(e.analytic()))
                .map(a -> ProcessRef.of(a) + " " + a.summary()).toList();
        return summaries.isEmpty() ? "" : " (its alerts: " + summaries + ")";
    }
}
