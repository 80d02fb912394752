package org.t1573.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;

/**
 * Alerts as an engineer counts them: one per {@code alert_id}, in its final state (the window's
 * closing update replaces the create), in the order alerts were first written.
 */
public final class FinalAlerts {
    private FinalAlerts() {}

    public static List<Alert> of(List<String> jsonLines) {
        Map<String, Alert> byId = new LinkedHashMap<>();
        for (String line : jsonLines) {
            Alert a = AlertJson.read(line);
            byId.put(a.alertId(), a);
        }
        return new ArrayList<>(byId.values());
    }
}
