package org.t1573.backtest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.t1573.alert.Alert;

/**
 * An alert's beacon scores: every {@code beacon.*} aggregate it carries (the score over the alert
 * window, the highest over the beacon window, and sub-scores where an alert has them), named in
 * words; nothing when the alert has no score.
 */
final class BeaconTable {
    private static final Map<String, String> NAMES = Map.of(
            "beacon.likely", "beacon by the seed's rule (count and interval bounds)",
            "beacon.score", "beacon score over the alert window (best destination)",
            "beacon.window.max_score", "highest beacon score over the beacon window");

    private BeaconTable() {}

    static String of(Alert a) {
        Map<String, Object> rows = new LinkedHashMap<>();
        if (a.aggregates() != null) {
            a.aggregates().forEach((k, v) -> {
                if (k.startsWith("beacon.")) {
                    rows.put(NAMES.getOrDefault(k, k), v);
                }
            });
        }
        // the seed's yes/no alone is no score: shown only beside one
        boolean scored = rows.size() > (rows.containsKey(NAMES.get("beacon.likely")) ? 1 : 0);
        return !scored ? "" : "<h4>Beacon</h4>" + SummaryTable.of("summary beacon", rows);
    }
}
