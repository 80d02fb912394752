package org.t1573.alert;

/** The event time an alert line stands for, which ECS and OCSF give every record. */
final class AlertTimes {
    private AlertTimes() {}

    /**
     * A create stands at its last session (the condition held then); an update is written when its
     * window closes. Event time, not the clock, so that replays write the same records.
     */
    static String recorded(Alert a) {
        return "update".equals(a.activity()) && a.window() != null ? a.window().end() : a.lastSeen();
    }
}
